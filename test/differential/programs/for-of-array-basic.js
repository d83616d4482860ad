// for-of over an array, with sends recorded per element.
export const log = [];

/* @resumable */
export function* main(items) {
  const out = [];
  for (const item of items) {
    const sent = yield item * 2;
    out.push([item, sent]);
  }
  log.push(out);
  return out.length;
}

export const create = () => main([3, 1, 4, 1, 5]);
