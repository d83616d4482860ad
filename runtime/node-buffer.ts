/**
 * Node's Buffer, a Uint8Array subclass that data pipelines hold across
 * yields (a chunk, a partial line), registered as a class when the runtime
 * finds it. A Buffer is saved as its own bytes only: a small one often
 * views a slice of a shared 8 KiB pool, whose other bytes (anything the
 * process read or wrote) must not end up in the blob. So it comes back as a
 * Buffer of its own, and memory it shared with other views is not shared
 * after a restore.
 */
import { CorruptSnapshotError } from "./errors.js";
import { registerClass } from "./registry.js";

export const BUFFER_CLASS_ID = "node:Buffer";

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

if (typeof NodeBuffer === "function" && NodeBuffer.prototype instanceof Uint8Array) {
  registerClass<Buffer, Uint8Array>(NodeBuffer, {
    id: BUFFER_CLASS_ID,
    save: (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice(),
    load: (bytes) => {
      if (!(bytes instanceof Uint8Array) || Object.getPrototypeOf(bytes) !== Uint8Array.prototype) {
        throw new CorruptSnapshotError("a saved Buffer must hold a Uint8Array of its bytes");
      }
      return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  });
}
