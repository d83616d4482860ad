// Leaving a `for await` over a resumable async generator by a throw or a
// return closes the inner generator: its finally blocks (which await and log)
// run before the outer code goes on.
export const log = [];

/* @resumable */
export async function* inner(tag) {
  try {
    for (let i = 0; ; i++) {
      yield `${tag}${i}`;
      await null;
    }
  } finally {
    log.push(`${tag} closing`);
    await Promise.resolve();
    log.push(`${tag} closed`);
  }
}

/* @resumable */
export async function* main() {
  try {
    for await (const v of inner("t")) {
      yield v;
      if (v === "t1") throw new Error("stop");
    }
  } catch (e) {
    log.push(`caught ${e.message}`);
  }
  for await (const v of inner("r")) {
    const got = yield v;
    if (got === 50) return "outer returns";
  }
}

export const create = () => main();
