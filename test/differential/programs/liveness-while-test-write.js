// A while loop whose test writes a local (`while ((m = re.exec(text)))`):
// the write runs before every run of the body, so a value the body only reads
// before its yield is dead there, and a snapshot leaves it out (here a
// RegExp match, whose index and input properties could not be saved). A
// read after the yield in the same run keeps the value live; so does one
// after the loop, reached through a break.
export const log = [];

const nextItem = (source) => (source.served < 4 ? { v: source.served++ } : null);

/* @resumable */
export function* main(text) {
  const re = /(\w+)=(\d+)/g;
  let m;
  while ((m = re.exec(text))) {
    yield `${m[1]}:${m[2]}`;
  }
  const source = { served: 0 };
  let item;
  let total = 0;
  while ((item = nextItem(source)) && total < 100) {
    yield item.v;
    total += (yield item.v * 10) ?? 1;
    if (item.v === 2) continue;
    log.push(`after ${item.v}`);
  }
  source.served = 0;
  let last;
  while ((last = nextItem(source)) !== null) {
    if ((yield `last ${last.v}`) === 120) break;
  }
  log.push(`last ${JSON.stringify(last)}`);
  return [total, last];
}

export const create = () => main("a=1 b=22 c=333");
