// A class's instance field initializers run at each `new`, after the statement that made the class:
// like closures, they keep the loop's and the catch clause's bindings of the run that made them.
export const log = [];

/* @resumable */
export function* main() {
  const classes = [];
  for (let i = 0; i < 2; i++) {
    let scaled = i * 10;
    classes.push(class {
      index = i;
      scaled = scaled;
      static made = scaled;
    });
    yield i;
    scaled++;
  }
  for (const name of ["a", "b"]) {
    classes.push(class {
      name = name;
    });
    yield name;
  }
  let Caught;
  try {
    throw new Error("kept");
  } catch (error) {
    Caught = class {
      message = error.message;
    };
  }
  yield "after catch";
  log.push(classes.map((C) => ({ ...new C(), made: C.made })), new Caught().message);
  return "end";
}

export const create = () => main();
// Classes are live at every yield from the first.
export const snapshotRefusal = true;
