/**
 * Every refusal the runtime makes is one of these classes, so callers can
 * tell "this state cannot be saved" from "this blob cannot be trusted" from
 * "this blob was written by other code" without parsing messages.
 */

/** A generator (or a value it holds) cannot be snapshotted, or a blob cannot be restored. */
export class SnapshotError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The blob is not a well-formed snapshot: truncated, altered, over a cap, or not ours. */
export class CorruptSnapshotError extends SnapshotError {}

/** The blob names a resumable function that no loaded module has registered. */
export class UnknownFunctionError extends SnapshotError {
  constructor(
    readonly functionId: string,
    message = `the snapshot refers to resumable function "${functionId}", which is not registered; import the module that defines it before restore()`,
  ) {
    super(message);
  }
}

/** The blob was written by a different version of a function's code. */
export class VersionMismatchError extends SnapshotError {
  constructor(
    readonly functionId: string,
    readonly savedVersion: string,
    readonly currentVersion: string,
    message: string,
  ) {
    super(message);
  }
}

/** The blob's signature is missing or does not match any of the given keys. */
export class SignatureError extends SnapshotError {}
