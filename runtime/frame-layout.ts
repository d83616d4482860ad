/**
 * The fields every frame has, in the order they are created, with their
 * initial values. `Frame` only declares them: each compiled class's
 * constructor writes them itself (babel-plugin/frame-class.ts emits the
 * stores from this list), then its own parameters and locals.
 *
 * Why not field initializers on `Frame`: an initializer is one function
 * shared by every frame class, so once a program runs five or more
 * resumable functions its stores see five or more hidden classes, go
 * megamorphic, and V8 defines each field through the runtime. Creating a
 * generator then took 1.5 µs with eight classes in use, against 30 ns for a
 * native one (bench/experiments/creation.js; stepping case (e) of the
 * benchmark makes a generator per item). Stores in the class's own
 * constructor see one hidden class each.
 */
export const FRAME_FIELDS = [
  ["_status", 0],
  ["_next", 0],
  ["_prev", 0],
  ["_sent", undefined],
  ["_rval", undefined],
  ["_method", 0],
  ["_arg", undefined],
  ["_delegate", null],
  ["_delegateTemp", null],
  ["_pending", null],
] as const;

/** Written after FRAME_FIELDS from the constructor's first two arguments: the call's `this` and `arguments`. */
export const CALL_FIELDS = ["_self", "_args"] as const;

// An async frame's driver (`new AsyncDriver(this, this._runNext, this._awaitLocs)`,
// written after CALL_FIELDS) is no field of these: it is the value of the
// class's private brand, which the class's `_driver` getter reads.
