// A local that holds an unsaveable value (an instance of an unregistered
// class) but is written before every read is dead at the yields: the snapshot
// at every suspension point succeeds.
export const log = [];

class Handle {
  constructor(name) {
    this.name = name;
  }
  read() {
    return `data:${this.name}`;
  }
}
const open = (name) => new Handle(name);

/* @resumable */
export function* main(names) {
  let handle;
  for (const name of names) {
    handle = open(name);
    yield handle.read();
  }
  // Written, read, then two yields: the next read is after the next round's write.
  let i = 0;
  while (i < 2) {
    handle = open(`w${i}`);
    log.push(handle.read());
    yield i;
    yield -i;
    i++;
  }
  // `let a = …, b = …` becomes one statement writing both.
  for (let round = 0; round < 2; round++) {
    let first = open(`f${round}`),
      second = open(`s${round}`);
    log.push(first.read(), second.read());
    const got = yield round;
    log.push(got);
  }
  // A yield in the written value: the write comes after it resumes.
  let sent;
  for (let k = 0; k < 2; k++) {
    sent = open(`${yield `ask ${k}`}`);
    log.push(sent.read());
  }
  log.push("done");
  return names.length;
}

export const create = () => main(["a", "b", "c"]);
