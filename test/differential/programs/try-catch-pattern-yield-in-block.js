// A catch clause whose parameter is a pattern and whose block yields: the
// pattern's names are locals of the frame, kept across the block's yields;
// nested, with a rest element, in a loop, and beside a default that yields
// itself. (try-catch-pattern-captured-in-loop.js: closures capture them.)
export const log = [];

class Failure extends Error {
  constructor(message, code, details) {
    super(message);
    this.name = "Failure";
    this.code = code;
    this.details = details;
  }
}

/* @resumable */
export function* main() {
  try {
    throw new Error("plain");
  } catch ({ message, name }) {
    const got = yield `${name}: ${message}`;
    log.push([name, message, got]);
  }

  const seen = [];
  for (let i = 0; i < 3; i++) {
    try {
      if (i !== 1) throw new Failure(`attempt ${i}`, 500 + i, { retry: i < 2, tags: ["net", `n${i}`] });
      yield `attempt ${i} passed`;
    } catch ({ code, details: { retry, tags: [first, ...others] }, ...rest }) {
      seen.push(`${code}/${first}/${others.length}/${rest.message}`);
      yield [code, retry, first, others];
      log.push(`after ${code}: ${first} ${others} ${rest.message} ${Object.keys(rest)}`);
    }
  }

  try {
    null.missing;
  } catch ({ constructor: { name: kind }, message: text = "none", extra = yield "extra?" }) {
    yield `${kind} ${typeof text} ${extra}`;
  }

  try {
    throw [1, [2, 3]];
  } catch ([one, [two, three], four = yield "four?"]) {
    yield one + two + three + four;
  }
  return seen;
}

export const create = () => main();
