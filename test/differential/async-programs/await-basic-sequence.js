// Awaits of plain values, fulfilled promises and thenables between yields.
export const log = [];

const thenable = (value) => ({
  then(resolve) {
    log.push(`then called for ${value}`);
    resolve(value);
  },
});

/* @resumable */
export async function* main(a, b) {
  log.push("start");
  const x = await a;
  log.push(`x=${x}`);
  const y = await Promise.resolve(b);
  log.push(`y=${y}`);
  const sent = yield x + y;
  log.push(`sent=${sent}`);
  const z = await thenable(sent + 1);
  log.push(`z=${z}`);
  yield z;
  await undefined;
  log.push("end");
  return x * y;
}

export const create = () => main(2, 3);
