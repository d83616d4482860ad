/**
 * resumable-generators/node: Node-only helpers around snapshots.
 *
 * - readLines(path): the lines of a file as an iterator that a snapshot can
 *   hold; restoring reopens the file at the saved byte offset and checks it
 *   is still the same file.
 * - saveCheckpoint(path, state) / loadCheckpoint(path): several generators
 *   and the user's own data in one atomic, durable file.
 */
export { acceptChangedFiles, FileChangedError, LineReader, readLines, SAMPLE_BYTES } from "./read-lines.js";
export type { ReadLinesOptions, SavedLineReader } from "./read-lines.js";
export { loadCheckpoint, saveCheckpoint } from "./checkpoint.js";
export type { LoadCheckpointOptions, SaveCheckpointOptions } from "./checkpoint.js";
