// A Vector2 class with getters and methods, defined at module level, used inside a generator
// but converted to plain data before each yield; a class instance is also held across one.
export const log = [];

class Vector2 {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  get length() {
    return Math.hypot(this.x, this.y);
  }
  add(o) {
    return new Vector2(this.x + o.x, this.y + o.y);
  }
  toJSON() {
    return [this.x, this.y];
  }
}

/* @resumable */
export function* main(steps) {
  let pos = { x: 0, y: 0 };
  for (let i = 0; i < steps; i++) {
    const v = new Vector2(pos.x, pos.y).add(new Vector2(1, i));
    pos = { x: v.x, y: v.y };
    yield { pos, len: Math.round(v.length * 100) / 100 };
  }
  const held = new Vector2(pos.x, pos.y);
  yield JSON.stringify(held);
  log.push(held.length > 0, held instanceof Vector2);
  return pos;
}

export const create = () => main(3);
// `held` is a Vector2 (unregistered class) at the last yield
export const snapshotRefusal = [4];
