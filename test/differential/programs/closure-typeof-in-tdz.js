// typeof on a let binding in its TDZ throws (unlike typeof on an undeclared name), also from a hoisted function.
export const log = [];

/* @resumable */
export function* main() {
  try {
    log.push(peek());
  } catch (e) {
    log.push(["peek before init", e.constructor.name]);
  }
  yield "before declaration";
  let later = "initialised";
  yield peek();
  function peek() {
    return typeof later;
  }
  return typeof notDeclaredAnywhere;
}

export const create = () => main();
export const snapshotRefusal = [1]; // peek (a closure) is live at the first yield; the second one only calls it in its argument

