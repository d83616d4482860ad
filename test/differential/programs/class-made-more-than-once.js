// A class made more than once (a mixin, a factory, a loop): each evaluation's
// generator methods run with that evaluation's own super and private names.
export const log = [];
// Instances of classes no registry knows are live at the yields.
export const snapshotRefusal = "allowed";

class Quiet {
  hello() {
    return "quiet";
  }
}
class Noisy {
  hello() {
    return "NOISY";
  }
}

const Greeting = (Base, mark) =>
  class extends Base {
    #mark = mark;
    /* @resumable */
    *greet(times) {
      for (let i = 0; i < times; i++) yield `${super.hello()}${this.#mark.repeat(i + 1)}`;
    }
    /* @resumable */
    static *names() {
      yield super.name ?? "none";
    }
  };

const kinds = [];
for (const [Base, mark] of [
  [Quiet, "."],
  [Noisy, "!"],
])
  kinds.push(
    class extends Greeting(Base, mark) {
      /* @resumable */
      *twice() {
        yield* super.greet(2);
      }
    },
  );

/* @resumable */
export function* main() {
  for (const Kind of kinds) {
    yield* new Kind().twice();
    yield* Kind.names();
  }
  return kinds.length;
}

export const create = () => main();
