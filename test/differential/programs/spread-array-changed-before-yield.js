// A spread before a yield in the same array literal, call (optional too) or new reads the array there, before the yield, even
// when the array is a constant known to hold an array (Babel's spread plugin passed such a name to concat as it
// was, and concat ran after the yield, reading the array as the code after the spread had changed it).
export const log = [];

class Box {
  constructor(...items) {
    this.items = items;
  }
}

const collect = (...items) => items;

/* @resumable */
export function* main() {
  const items = [0];
  log.push([...items, items.push(1), yield "array"]);
  log.push(collect(...items, items.push(2), yield "call"));
  log.push(new Box(...items, items.push(3), yield "new").items);
  log.push(collect?.(...items, items.push(4), yield "optional call"));
  return items.length;
}

export const create = () => main();
