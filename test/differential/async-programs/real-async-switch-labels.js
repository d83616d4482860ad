// await and yield in switch cases (fallthrough), labeled nested loops with
// continue/break out of the outer loop across awaits.
export const log = [];

const ops = ["inc", "dbl", "skip", "inc", "stop", "inc"];

/* @resumable */
export async function* main() {
  let n = 1;
  outer: for (let round = 0; round < 3; round++) {
    inner: for (let i = 0; i < ops.length; i++) {
      const op = await Promise.resolve(ops[i]);
      switch (op) {
        case "inc":
          n++;
        // falls through
        case "log":
          log.push(`r${round} i${i} n=${n}`);
          break;
        case "dbl":
          n = (await Promise.resolve(n)) * 2;
          yield `dbl ${n}`;
          continue inner;
        case "skip":
          if (round === 1) continue outer;
          yield "skip";
          break;
        case "stop":
          if (round === 2) break outer;
          break inner;
        default:
          throw new Error("bad op");
      }
      yield `after ${op} ${n}`;
    }
    log.push(`round ${round} end`);
  }
  return n;
}

export const create = () => main();
