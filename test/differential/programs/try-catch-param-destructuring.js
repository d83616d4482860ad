// catch parameters with object and array destructuring, including defaults that yield.
export const log = [];

/* @resumable */
export function* main() {
  try {
    throw { code: 7, details: ["disk", "full"] };
  } catch ({ code, details: [what, why], extra = yield "extra default" }) {
    log.push([code, what, why, extra]);
  }
  try {
    throw [1];
  } catch ([first, second = yield "second default"]) {
    log.push([first, second]);
    yield first + second;
  }
  try {
    yield "before error";
    throw new Error("with message");
  } catch ({ message, name }) {
    log.push([name, message]);
  }
  return "end";
}

export const create = () => main();
