// An anonymous export default generator.
export const log = [];

/* @resumable */
export default function* (limit) {
  let i = 0;
  while (i < limit) {
    const sent = yield i;
    log.push(sent);
    i++;
  }
  return "default done";
}

// The harness passes the module namespace to create(): an anonymous default
// export has no name the module itself could call it by.
export const create = (self) => {
  log.push(["name", self.default.name]);
  return self.default(3);
};
