// The argument of the first next() is lost; later ones become the value of the yield.
export const log = [];

/* @resumable */
export function* main() {
  const a = yield "first";
  const b = yield "second";
  return [a, b];
}

export const create = () => {
  const gen = main();
  log.push([gen.next("lost"), gen.next("A"), gen.next("B")]);
  return main();
};
export const sends = ["also lost", "a", "b"];
