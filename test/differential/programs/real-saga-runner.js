// A redux-saga-like effect runner: sagas yield plain effect objects (call, put, take, fork,
// all); the runner is itself a resumable generator that interprets them and surfaces
// takes to the outside through its own yields. Errors from effects are thrown back in.
export const log = [];

const API = {
  fetchUser: (id) => (id > 0 ? { id, name: `user${id}` } : null),
  fail: (msg) => {
    throw new Error(msg);
  },
};

/* @resumable */
function* loadUserSaga() {
  const action = yield { type: "take", pattern: "LOAD" };
  try {
    const user = yield { type: "call", fn: "fetchUser", args: [action.id] };
    if (!user) yield { type: "call", fn: "fail", args: [`no user ${action.id}`] };
    yield { type: "put", action: { type: "LOADED", user } };
  } catch (e) {
    yield { type: "put", action: { type: "FAILED", error: e.message } };
  } finally {
    yield { type: "put", action: { type: "DONE" } };
  }
  return action.id;
}

/* @resumable */
export function* main() {
  const store = [];
  const results = [];
  for (let round = 0; round < 2; round++) {
    const saga = loadUserSaga();
    let input;
    let mode = "next";
    for (;;) {
      const step = mode === "throw" ? saga.throw(input) : saga.next(input);
      if (step.done) {
        results.push(step.value);
        break;
      }
      const effect = step.value;
      mode = "next";
      switch (effect.type) {
        case "take":
          input = yield { waitingFor: effect.pattern };
          if (input == null || typeof input !== "object") input = { type: effect.pattern, id: round === 0 ? 1 : -1 };
          break;
        case "call":
          try {
            input = API[effect.fn](...effect.args);
          } catch (e) {
            input = e;
            mode = "throw";
          }
          break;
        case "put":
          store.push(effect.action.type);
          input = yield { dispatched: effect.action };
          break;
      }
    }
  }
  log.push(store);
  return results;
}

export const create = () => main();
