// Inside a loop: break leaves the switch only, continue goes to the next iteration, a labeled break leaves the loop.
export const log = [];

/* @resumable */
export function* main() {
  const out = [];
  loop: for (let i = 0; i < 10; i++) {
    switch (i % 4) {
      case 0:
        yield ["zero", i];
        break;
      case 1:
        continue;
      case 2:
        if (i > 5) break loop;
        yield ["two", i];
      case 3:
        yield ["three or two", i];
    }
    out.push(i);
  }
  log.push(out);
  return out;
}

export const create = () => main();
