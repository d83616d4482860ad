// A call with a spread in a list with an await or a yield calls the function
// itself, as native code does, not through an `apply` property the function
// has of its own (Babel's spread transform writes `f.apply(thisArg, list)`).
export const log = [];

function total(...numbers) {
  log.push(`total of ${numbers.length}`);
  return numbers.reduce((a, b) => a + b, 0);
}
total.apply = () => {
  log.push("own apply property");
  return -1;
};

/* @resumable */
export async function* main() {
  const numbers = [1, 2];
  const counter = {
    count: 0,
    add(...values) {
      this.count += values.length;
      return this.count;
    },
  };
  counter.add.apply = total.apply;
  log.push(total(...numbers, await Promise.resolve(3)));
  log.push(counter.add(...numbers, yield "add"));
  return counter.count;
}

export const create = () => main();
export const sends = [undefined, 4];
// counter holds a method (a closure).
export const snapshotRefusal = [1];
