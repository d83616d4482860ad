// Locals whose names are Object.prototype's keys ("__proto__", "constructor",
// "toString", "hasOwnProperty") are state like any other: a snapshot must keep
// every one of them as the frame's own.
export const log = [];

/* @resumable */
export function* main(__proto__) {
  let constructor = { made: 1 };
  let toString = "text";
  let hasOwnProperty = 7;
  __proto__ = (yield [__proto__, constructor.made, toString, hasOwnProperty]) ?? __proto__;
  hasOwnProperty += 1;
  yield [__proto__, constructor.made, toString, hasOwnProperty];
  let valueOf = { nested: [__proto__] };
  yield valueOf.nested[0];
  return [__proto__, hasOwnProperty, typeof valueOf];
}

export const create = () => main(5);
