// Case tests are yields, evaluated lazily in order until one matches.
export const log = [];

/* @resumable */
export function* main(value) {
  let matched = "none";
  switch (value) {
    case yield "test 1":
      matched = "first";
      break;
    case yield "test 2":
      matched = "second";
      break;
    case yield "test 3":
      matched = "third";
      break;
    default:
      matched = "default";
  }
  log.push(matched);
  switch (value) {
    case 0:
      matched += "+zero";
      break;
    case (log.push("evaluated case test"), value):
      matched += "+self";
  }
  return matched;
}

export const create = () => main(20);
