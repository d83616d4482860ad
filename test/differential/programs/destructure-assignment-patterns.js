// Destructuring assignment of yielded values into existing variables and object members.
export const log = [];
// V8 prints an internal form for an array pattern inside an object pattern over null or undefined.
export const engineMessagesDiffer = "an array pattern nested in an object pattern, over null or undefined";

/* @resumable */
export function* main() {
  let a, b, c, rest;
  const target = {};
  ({ a, b: [b, c] } = yield "object with array");
  [target.first, target["second"], ...rest] = yield "array";
  ({ x: target.x = "x default", ...target.others } = yield "object rest");
  log.push([a, b, c, rest, target]);
  [a, b] = [b, a];
  return [a, b];
}

export const create = () => main();
export const sends = [undefined, { a: 1, b: [2, 3] }, [4, 5, 6, 7], { y: 8, z: 9 }];
