// Inside its own body a class declared in the generator names itself through its own binding:
// a static initializer or block runs before the declaration completes, and the name keeps
// pointing at the class when the outer binding is reassigned.
export const log = [];

/* @resumable */
export function* main() {
  class Tally {
    static label = Tally.name;
    static {
      Tally.seeded = true;
    }
    static make() {
      return new Tally();
    }
  }
  class Derived extends Tally {
    static label = `${Derived.name} of ${super.label}`;
  }
  const Kept = Tally;
  yield [Tally.label, Tally.seeded, Derived.label];
  Tally = null;
  yield Kept.make() instanceof Kept;
  log.push(Tally === null);
}

export const create = () => main();
// Classes are functions: a snapshot holding one is refused, as for any closure.
export const snapshotRefusal = "allowed";
