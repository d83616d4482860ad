// An async generator's catch clause whose parameter is a pattern and whose
// block yields and awaits: the pattern's names are frame locals kept across both.
export const log = [];

/* @resumable */
export async function* main() {
  for (let i = 0; i < 2; i++) {
    try {
      await Promise.reject(Object.assign(new Error(`failed ${i}`), { code: 40 + i, tags: ["a", "b"] }));
    } catch ({ message, code, tags: [first, ...others] }) {
      const got = yield `${message} (${code})`;
      const later = await Promise.resolve(`${first}+${others.length}`);
      log.push([message, code, got, later]);
      yield later;
    }
  }
  try {
    throw [1, 2];
  } catch ([one, two = await "unused", three = yield "three?"]) {
    yield one + two + (await three);
  }
}

export const create = () => main();
