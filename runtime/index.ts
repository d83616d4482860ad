/**
 * resumable-generators: the runtime.
 *
 * Compiled code imports `Frame`, `defineResumable` and the iteration helpers
 * from here; users import `snapshot`, `restore`, `fork` and the registries.
 */
export { CONTINUE, Frame, markGeneratorFunction } from "./frame.js";
export { AsyncFrame, markAsyncGeneratorFunction } from "./async-frame.js";
export { markObjectMethods } from "./object-methods.js";
export { AsyncDriver } from "./async-driver.js";
export { AsyncFromSyncIterator, asyncIterate, callAsyncReturn, NO_RETURN } from "./async-iterate.js";
export { defineResumable } from "./function-table.js";
export type { FunctionMetadata, ResumePoint } from "./function-table.js";
export {
  applyFunction,
  buildObject,
  callForLoop,
  callFunction,
  callMethod,
  callWithReceiver,
  callMethodForLoop,
  closeIterator,
  closeIteratorAfterThrow,
  construct,
  destructurable,
  destructureArray,
  forInKeys,
  invoke,
  invokeMethod,
  iterate,
  iterateMethod,
  iteratorResultNotObject,
  setFunctionName,
  spreadToArray,
  UNINITIALIZED,
  checkInitialized,
  checkWritable,
  assignToConstant,
  constantTarget,
  initializedTarget,
} from "./iterate.js";
export { applyHeldMethod, callHeldMethod, callMethodRead, holdMethod } from "./held-method.js";
export { applySuperMethod, superCall, superGet, superMethodIfPresent, superSet } from "./super-property.js";
export { restoreSourceNames } from "./engine-messages.js";
export { CorruptSnapshotError, SignatureError, SnapshotError, UnknownFunctionError, VersionMismatchError } from "./errors.js";
export { fork, isResumable, restore, restoreValue, snapshot, snapshotValue } from "./snapshot.js";
export type { FrameMigrationInput, FrameMigrationOutput, Migration, RestoreOptions, SnapshotOptions } from "./snapshot.js";
export type { Key, SnapshotBlob } from "./envelope.js";
export { registerClass, registerValue } from "./registry.js";
export type { ClassOptions } from "./registry.js";
export { describe } from "./describe.js";
export type { DescribedFrame, DescribedResumePoint, DescribeOptions, SnapshotDescription } from "./describe.js";

// Buffers (in Node) are saved as their own bytes.
import "./node-buffer.js";

// Compiled code can hold these runtime helpers in a temporary across a
// yield (`callFunction(f, "f", yield x)`); they are restored by identity.
import * as iteration from "./iterate.js";
import { applyHeldMethod, callHeldMethod, callMethodRead, holdMethod } from "./held-method.js";
import { registerValue as registerRuntimeValue } from "./registry.js";
for (const name of [
  "applyFunction",
  "callFunction",
  "invoke",
  "invokeMethod",
  "construct",
  "buildObject",
  "setFunctionName",
  "spreadToArray",
  "destructurable",
  "destructureArray",
  "callForLoop",
  "callMethodForLoop",
  "callMethod",
  "callWithReceiver",
  "UNINITIALIZED",
] as const) {
  registerRuntimeValue(`resumable-generators.${name}`, iteration[name]);
}
registerRuntimeValue("resumable-generators.holdMethod", holdMethod);
registerRuntimeValue("resumable-generators.callHeldMethod", callHeldMethod);
registerRuntimeValue("resumable-generators.applyHeldMethod", applyHeldMethod);
registerRuntimeValue("resumable-generators.callMethodRead", callMethodRead);
