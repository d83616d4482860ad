// A call with a spread in a list with a yield calls the function itself, as
// native code does: Babel's spread transform writes `f.apply(thisArg, list)`,
// which would run an `apply` property the function has of its own. A method
// is read before the list is built; a callee that is not a function fails
// with V8's words (the call site when the spread is the one and last
// argument, Reflect.apply's otherwise).
export const log = [];

function sum(...numbers) {
  log.push(`sum of ${numbers.length} on ${this?.name}`);
  return numbers.reduce((a, b) => a + b, 0);
}
sum.apply = () => {
  log.push("own apply property");
  return -1;
};
const calculator = { name: "calculator", sum, broken: 5 };

/* @resumable */
export function* main() {
  const numbers = [1, 2];
  log.push(sum(...numbers, yield "plain"));
  log.push(calculator.sum(...numbers, yield "method"));
  log.push(calculator["sum"](yield "computed", ...numbers));
  log.push(Math.max(...numbers, yield "global"));
  const messages = [];
  try {
    calculator.broken(yield "last spread", ...numbers);
  } catch (e) {
    messages.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    calculator.broken(...numbers, yield "spread first");
  } catch (e) {
    messages.push(`${e.constructor.name}: ${e.message}`);
  }
  log.push(messages);
  return numbers;
}

export const create = () => main();
export const sends = [undefined, 3, 4, 5, 6, 7, 8];
// A method of a module-level object is held itself (the object is read after the yield), and sum is a closure.
export const snapshotRefusal = [2, 3];
