// An uncaught re-entry TypeError ends the generator like any other exception.
export const log = [];

/* @resumable */
export function* main() {
  try {
    yield "before";
    this.self.next();
    yield "unreachable";
  } finally {
    log.push("finally after re-entry error");
  }
}

export const create = () => {
  const holder = {};
  holder.self = main.call(holder);
  return holder.self;
};
export const snapshotRefusal = "allowed";
