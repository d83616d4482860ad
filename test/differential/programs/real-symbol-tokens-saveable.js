// Registered symbols (Symbol.for) used as enum-like tokens: in arrays, as Map keys and Set
// members, compared by identity after each yield (saveable, unlike local symbols).
export const log = [];

const RED = Symbol.for("light.red");
const GREEN = Symbol.for("light.green");
const YELLOW = Symbol.for("light.yellow");

/* @resumable */
export function* main(cycles) {
  const next = new Map([[RED, GREEN], [GREEN, YELLOW], [YELLOW, RED]]);
  const durations = new Map([[RED, 3], [GREEN, 2], [YELLOW, 1]]);
  const visited = new Set();
  const history = [];
  let light = RED;
  for (let c = 0; c < cycles; c++) {
    visited.add(light);
    history.push(light);
    const override = yield { light: light.description, ticks: durations.get(light) };
    light = override === "emergency" ? RED : next.get(light);
  }
  log.push(history.map((s) => Symbol.keyFor(s)), visited.has(Symbol.for("light.green")));
  return light === RED;
}

export const create = () => main(6);
export const sends = [undefined, 1, "emergency", 3, 4, 5];
