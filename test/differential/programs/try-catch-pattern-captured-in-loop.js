// Closures made in a catch block capture the names of the clause's pattern:
// each run of the clause has bindings of its own, as natively, also when the
// block yields between making a closure and calling it.
export const log = [];
// Snapshots refuse the closures once one is held (a live closure cannot be saved).
export const snapshotRefusal = "allowed";

/* @resumable */
export function* main(attempts) {
  const readers = [];
  for (let i = 0; i < attempts; i++) {
    try {
      throw { code: 500 + i, tags: ["net", `n${i}`, "x"] };
    } catch ({ code, tags: [first, ...others] }) {
      readers.push(() => `${code}/${first}/${others.length}`);
      const next = yield code;
      code += next ?? 0;
      log.push(readers.map((read) => read()).join(" "));
    }
  }
  return readers.map((read) => read());
}

export const create = () => main(3);
