// An entity-component-system game loop: components in Maps keyed by entity id, a Set of live
// entities that is modified (despawn, spawn) while it is iterated, and a frame per yield.
export const log = [];

/* @resumable */
export function* main(frames) {
  const position = new Map();
  const velocity = new Map();
  const health = new Map();
  const alive = new Set();
  let nextId = 1;
  const spawn = (x, vx, hp) => {
    const id = nextId++;
    alive.add(id);
    position.set(id, { x });
    velocity.set(id, vx);
    health.set(id, hp);
    return id;
  };
  spawn(0, 1, 3);
  spawn(10, -2, 1);
  spawn(5, 0, 2);
  for (let frame = 0; frame < frames; frame++) {
    const events = [];
    for (const id of alive) {
      const p = position.get(id);
      p.x += velocity.get(id);
      if (p.x < 0 || p.x > 12) {
        health.set(id, health.get(id) - 1);
        velocity.set(id, -velocity.get(id));
      }
      if (health.get(id) <= 0) {
        alive.delete(id);
        position.delete(id);
        events.push(`despawn ${id}`);
        if (frame < 3) events.push(`spawn ${spawn(6, id % 2 ? 3 : -3, 1)}`);
      }
    }
    const input = yield { frame, events, xs: [...alive].map((id) => `${id}@${position.get(id).x}`) };
    if (input === "pause") yield "paused";
  }
  log.push(nextId, [...health]);
  return alive.size;
}

export const create = () => main(8);
export const sends = [undefined, 1, 2, "pause", 4];
// `spawn` is a closure over the maps: live at every yield
export const snapshotRefusal = "allowed";
