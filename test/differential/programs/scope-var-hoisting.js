// var is function-scoped and hoisted (undefined before its line); a var in a block is visible after it.
export const log = [];

/* @resumable */
export function* main() {
  log.push(["before", typeof hoisted, hoisted]);
  yield 1;
  if (true) {
    var hoisted = "assigned in block";
    var counter = 0;
  }
  for (var i = 0; i < 3; i++) {
    counter += yield i;
  }
  log.push(["after loop", i, counter, hoisted]);
  var hoisted = "redeclared";
  return hoisted;
}

export const create = () => main();
