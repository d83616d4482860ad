// A custom Error subclass caught and held across a yield (a retry loop remembers the last error).
export const log = [];

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}

/* @resumable */
export function* main() {
  let lastError = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      throw new HttpError(500 + attempt, `server error ${attempt}`);
    } catch (e) {
      lastError = e;
    }
    yield `attempt ${attempt} failed`;
  }
  log.push(lastError instanceof HttpError, lastError.status, lastError.name);
  return lastError.message;
}

export const create = () => main();
export const snapshotRefusal = "allowed";
