// Calls of globals and of their methods with yields in the arguments: the generator can be saved at
// every one of those yields (the callee is read after the yield, not kept in the saved state).
export const log = [];

/* @resumable */
export function* main() {
  const text = String([1, yield "string"]);
  const most = Math.max(1, yield "max", 3);
  const json = JSON.stringify({ sent: yield "json" });
  const parsed = new Date(yield "date").getTime();
  log.push(text, most, json, parsed);
  return [text, most, json, parsed];
}

export const create = () => main();
export const sends = [undefined, "two", 7, "three", 0];
