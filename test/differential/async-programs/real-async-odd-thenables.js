// Thenables with odd behaviour: a then getter counted, a thenable resolving
// with another thenable, one that calls resolve synchronously and then
// throws, one that never settles on its first call (not awaited), and
// yielding a thenable (yield awaits it).
export const log = [];

const nested = {
  then(res) {
    res({
      then(r2) {
        r2("inner value");
      },
    });
  },
};
const syncThenThrow = {
  then(res) {
    res("resolved first");
    throw new Error("ignored throw");
  },
};
const rejectLater = {
  then(_res, rej) {
    Promise.resolve().then(() => rej(new Error("late reject")));
  },
};
const makeGetterThenable = () => {
  const o = {};
  Object.defineProperty(o, "then", {
    get() {
      log.push("then read");
      return (res) => res("from getter");
    },
  });
  return o;
};

/* @resumable */
export async function* main() {
  yield await nested;
  yield await syncThenThrow;
  try {
    yield rejectLater;
  } catch (e) {
    log.push(`caught ${e.message}`);
  }
  yield await makeGetterThenable();
  yield makeGetterThenable();
  const plain = { then: 5 };
  const got = await plain;
  yield typeof got.then;
  return nested;
}

export const create = () => main();
