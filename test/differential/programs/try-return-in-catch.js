// return inside catch runs the finally (which yields), and the finally can see the catch's value.
export const log = [];

/* @resumable */
export function* main() {
  let status = "init";
  try {
    yield "try";
    throw new Error("go to catch");
  } catch (e) {
    status = "caught";
    return `returned from catch (${status})`;
  } finally {
    status += "+finally";
    yield status;
    log.push(status);
  }
}

export const create = () => main();
