// An actor whose behaviour generator is stored on the actor object it runs as `this`
// (actor.behaviour = behaviour.call(actor)): the saved state reaches the generator itself
// through `this`, and the actor forwards messages to itself through that reference.
export const log = [];

/* @resumable */
function* behaviour() {
  let state = "idle";
  let handled = 0;
  while (handled < 8) {
    const msg = yield { actor: this.name, state, mailbox: this.mailbox.length };
    handled++;
    if (msg === "wake") state = "busy";
    else if (msg === "sleep") state = "idle";
    else if (typeof msg === "number") this.mailbox.push(msg);
    if (state === "busy" && this.mailbox.length) {
      const job = this.mailbox.shift();
      this.done.push(job * 2);
    }
    if (this.behaviour !== undefined && this.done.length === 2 && !this.selfCheck) {
      // the stored generator must be this very generator: calling it now re-enters it
      try {
        this.behaviour.next("reentrant");
        this.selfCheck = "not the same generator";
      } catch (e) {
        this.selfCheck = e.constructor.name;
      }
    }
  }
  log.push(this.done, this.selfCheck);
  return handled;
}

export const create = () => {
  const actor = { name: "worker-1", mailbox: [], done: [] };
  actor.behaviour = behaviour.call(actor);
  return actor.behaviour;
};
export const sends = [undefined, 5, 7, "wake", 9, "sleep", 11, "wake", "x"];
