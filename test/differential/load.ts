/**
 * Loading for the differential suite: the corpus, its native modules, their
 * compiled twins (run in a worker thread, with the built runtime), and the
 * drivers.
 *
 * Everything that runs program code is loaded through Node's own ESM loader
 * (`require()` of an ES module, Node >= 20.19), never through vitest's module
 * runner: the runner rewrites every module it loads (an anonymous
 * `export default function*` would be named `__vite_ssr_export_default__`,
 * exports become getters), so the "native" side would not be native, and a
 * compiled module and the runtime loaded by different loaders would not share
 * one function registry. This is also why the suite compiles with
 * `compileSource`/`compileToFile` and loads the output itself rather than
 * calling `importCompiled`, whose `import()` goes through the runner.
 * Compiled code runs in a worker thread (Sandbox below), native code in the
 * test's own thread.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BabelMajor, babelCore, compileSource, projectRoot } from "../support/compile.ts";

export const nativeRequire = createRequire(import.meta.url);
export const differentialDir = dirname(fileURLToPath(import.meta.url));
export const programsDir = join(differentialDir, "programs");
/** The async generator corpus: the same contract, with `async function* main` (async-driver.mjs drives them). */
export const asyncProgramsDir = join(differentialDir, "async-programs");

/** What a corpus program exports (see the brief at the top of native-vs-compiled.test.ts). */
export interface ProgramModule {
  log: unknown[];
  create: (self: ProgramModule) => Generator;
  sends?: unknown[];
  /**
   * Where snapshot() must refuse with a SnapshotError: `true` at every
   * suspension point after the first next() (before it, either outcome is
   * fine); a list of points: exactly there; "allowed": anywhere, but a
   * snapshot that is taken must restore to the same future.
   */
  snapshotRefusal?: true | number[] | "allowed";
  /** Why the program is left out of the snapshot tests (identity with module state). */
  restoreExempt?: string;
  /** A documented difference from native generators (README): compared with neither native nor restored runs. */
  knownDifference?: string;
  /** Which of the engine messages the README lists as different the program reaches: its engine errors are compared by class only. */
  engineMessagesDiffer?: string;
  /** The snapshot must not grow along the program's long loop. */
  snapshotSizeStable?: boolean;
  [name: string]: unknown;
}

export type TraceEntry = Record<string, unknown>;
export type Trace = TraceEntry[];

export type Op =
  | { kind: "next"; send: true }
  | { kind: "next"; value: unknown }
  | { kind: "throw"; error: true }
  | { kind: "throw"; value: unknown }
  | { kind: "return"; value: unknown };

/** driver.mjs, typed. */
export interface Driver {
  driveAllNext(mod: ProgramModule): Trace;
  driveInjected(mod: ProgramModule, k: number, kind: "throw" | "return"): Trace;
  driveOps(mod: ProgramModule, ops: Op[]): Trace;
  suspensionCount(trace: Trace): number;
  pointsToVisit(count: number, limit?: number): number[];
}

export const driver = nativeRequire("./driver.mjs") as Driver;

/** A request of async-driver.mjs's driveOps: awaited before the next one (`wait`) or left in flight. */
export type AsyncOp = { kind: "next" | "throw" | "return"; value?: unknown; wait: boolean };

/** async-driver.mjs, typed. */
export interface AsyncDriver {
  driveAllNext(mod: ProgramModule): Promise<Trace>;
  driveInjected(mod: ProgramModule, k: number, kind: "throw" | "return"): Promise<Trace>;
  driveConcurrent(mod: ProgramModule, k: number, pattern: string): Promise<Trace>;
  driveAllAtOnce(mod: ProgramModule, count: number): Promise<Trace>;
  driveOps(mod: ProgramModule, ops: AsyncOp[]): Promise<Trace>;
  suspensionCount(trace: Trace): number;
  CONCURRENT_PATTERNS: Record<string, string[]>;
}

export const asyncDriver = nativeRequire("./async-driver.mjs") as AsyncDriver;

export interface Program {
  /** File name, e.g. `try-finally-return-yields.js`. */
  name: string;
  file: string;
  source: string;
}

/** A generated program written to `directory` (the compiler sees a real file name, and a failure leaves it to read). */
export function writeProgram(directory: string, name: string, source: string): Program {
  const file = join(directory, name);
  mkdirSync(directory, { recursive: true });
  writeFileSync(file, source);
  return { name, file, source };
}

export function listPrograms(directory = programsDir): Program[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".js"))
    .sort()
    .map((name) => {
      const file = join(directory, name);
      return { name, file, source: readFileSync(file, "utf8") };
    });
}

/** The program as written, run by V8 itself. */
export function loadNative(program: Program): ProgramModule {
  return nativeRequire(program.file) as ProgramModule;
}

let buildFingerprint: string | undefined;
/**
 * Everything besides the source that decides what the plugin emits: the
 * built plugin's files, the Babel versions and the lockfile (the plugin's own
 * dependencies). A rebuild or an install changes it, and so the cache key.
 */
function compilerFingerprint(): string {
  if (buildFingerprint === undefined) {
    const hash = createHash("sha256");
    const pluginDir = join(projectRoot, "dist", "babel-plugin");
    for (const name of (readdirSync(pluginDir, { recursive: true }) as string[]).sort()) {
      const file = join(pluginDir, name);
      if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
    }
    hash.update(babelCore(7).version).update(babelCore(8).version);
    hash.update(readFileSync(join(projectRoot, "package-lock.json")));
    buildFingerprint = hash.digest("hex");
  }
  return buildFingerprint;
}

/**
 * Compiles the program under Babel `major` and returns the module's path (load
 * it in a Sandbox). The output is cached in .cache/differential/, keyed by the
 * source and the compiler (written through a rename, so a reader never sees
 * half a file); compileToFile's folder is left to the restore test, which
 * writes it at the same time from another worker.
 *
 * Load each Babel major's builds in a sandbox of its own: function ids come
 * from the file name, and the runtime rightly refuses two different builds
 * under one id (Babel 7 and 8 can give one function different code versions).
 */
export function compileProgram(program: Program, major: BabelMajor): string {
  const key = createHash("sha256").update(compilerFingerprint()).update(program.source).digest("hex").slice(0, 16);
  const out = join(projectRoot, ".cache", "differential", `b${major}`, `${program.name}.${key}.mjs`);
  if (existsSync(out)) return out;
  const code = compileSource(program.source, program.file, major);
  mkdirSync(dirname(out), { recursive: true });
  const temporary = `${out}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, out);
  return out;
}

/** What compiled programs import, resolved as they resolve it: the same runtime instance. */
const RUNTIME_MODULE = "resumable-generators";
/** Far more than any one driver run takes (milliseconds), even on a loaded machine. */
const SANDBOX_TIMEOUT_MS = 20_000;

type SandboxReply<T> =
  { id: number; ok: true; value: T } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

/** A call into the sandbox that did not return in time; the worker was terminated. */
export class SandboxTimeout extends Error {}

/**
 * A worker thread that loads compiled programs (and the runtime) and runs the
 * drivers on them, answering synchronously: the caller sleeps until the reply
 * comes or the deadline passes, and then the worker is terminated (a new one
 * starts on the next call) and the call throws. So a compiled generator stuck
 * in an endless loop fails its own test instead of hanging the run.
 */
export class Sandbox {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private signal: Int32Array | undefined;
  private readonly loaded = new Set<string>();
  private lastId = 0;

  constructor(private readonly timeoutMs = SANDBOX_TIMEOUT_MS) {}

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    const buffer = new SharedArrayBuffer(4);
    this.worker = new Worker(join(differentialDir, "sandbox-worker.mjs"), {
      workerData: { port: port2, signal: buffer, runtimeModule: RUNTIME_MODULE },
      transferList: [port2],
    });
    this.worker.unref();
    this.port = port1;
    this.signal = new Int32Array(buffer);
    this.loaded.clear();
  }

  call<T>(request: { op: string; [key: string]: unknown }): T {
    if (!this.worker) this.start();
    const id = ++this.lastId;
    Atomics.store(this.signal!, 0, 0);
    this.port!.postMessage({ ...request, id });
    // Sleep until the worker has set the signal. A wake-up alone proves
    // nothing: the notify of the previous reply can arrive late.
    const deadline = Date.now() + this.timeoutMs;
    while (Atomics.load(this.signal!, 0) === 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        this.close();
        throw new SandboxTimeout(
          `compiled code did not finish "${request.op}" within ${this.timeoutMs} ms: an endless loop inside one call?`,
        );
      }
      Atomics.wait(this.signal!, 0, 0, remaining);
    }
    // The worker posts its reply before it sets the signal.
    let reply: SandboxReply<T> | undefined;
    do reply = receiveMessageOnPort(this.port!)?.message as SandboxReply<T> | undefined;
    while (reply !== undefined && reply.id !== id);
    if (!reply) throw new Error(`the sandbox worker signalled but sent no reply to "${request.op}"`);
    if (reply.ok) return reply.value;
    const error = new Error(reply.error.message);
    error.name = reply.error.name;
    if (reply.error.stack) error.stack = reply.error.stack;
    throw error;
  }

  /** Loads a compiled module (once per worker). */
  load(path: string): void {
    if (this.loaded.has(path)) return;
    this.call({ op: "load", path });
    this.loaded.add(path);
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/** What the sandbox reports of a failed snapshot() or fork(). */
export interface Failure {
  snapshotError: boolean;
  text: string;
}

/** The sandbox's "forks" reply for one suspension point: the fork and the original each driven to the end, or why fork() failed. */
export type ForkAttempt = { k: number; error: Failure } | { k: number; forkTrace: Trace; originalTrace: Trace };

export function clip(text: string | undefined, max = 600): string {
  if (text === undefined) return "(nothing)";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Where two traces first differ, or null. Traces are JSON data whose keys are
 * written in a fixed order, so comparing entries as JSON text is exact.
 */
export function firstDifference(actual: Trace, expected: Trace): string | null {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    const a = JSON.stringify(actual[i]);
    const e = JSON.stringify(expected[i]);
    if (a !== e) return `entry ${i}: got ${clip(a)}; native ${clip(e)}`;
  }
  return null;
}

/**
 * The problems of a generated program's forks: each fork and its original
 * must run as the native run does, and a fork may only be refused for what
 * `refusable` matches (the values some programs keep across a yield that
 * cannot be copied).
 */
export function generatedForkProblems(attempts: ForkAttempt[], nativeTrace: Trace, refusable: RegExp): string[] {
  const problems: string[] = [];
  for (const attempt of attempts) {
    if ("error" in attempt) {
      const { snapshotError, text } = attempt.error;
      if (!snapshotError || !refusable.test(text)) problems.push(`fork after ${attempt.k} next(): ${text}`);
      continue;
    }
    const forkDifference = firstDifference(attempt.forkTrace, nativeTrace);
    if (forkDifference) problems.push(`the fork after ${attempt.k} next(): first difference at ${forkDifference}`);
    const originalDifference = firstDifference(attempt.originalTrace, nativeTrace);
    if (originalDifference) problems.push(`the original after forking at ${attempt.k}: first difference at ${originalDifference}`);
  }
  return problems;
}

/** A small stable number from a string (per-program fast-check seeds). */
export function seedOf(text: string): number {
  return createHash("sha256").update(text).digest().readInt32LE(0);
}
