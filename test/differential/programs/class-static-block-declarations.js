// A class's static block has its own declarations: they stay declarations (they were once made frame assignments to undeclared names).
export const log = [];

/* @resumable */
export function* main() {
  let total = 0;
  for (let round = 0; round < 2; round++) {
    const Counter = class {
      static {
        var start = 10 + round;
        let step = 2;
        function twice(x) {
          return x * 2;
        }
        this.start = twice(start) + step;
      }
    };
    total += Counter.start;
    yield Counter.start;
  }
  return total;
}

export const create = () => main();
