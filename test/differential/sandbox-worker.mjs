/**
 * The worker thread in which the tests run compiled code (see Sandbox in
 * load.ts). A compiled generator that loops forever inside one call would
 * otherwise hang the whole test process, which no test timeout can interrupt;
 * here the main thread waits for each reply with a deadline and terminates
 * the worker when it passes.
 *
 * Protocol: a request { id, op, ...arguments } arrives on `port`; the reply
 * { id, ok: true, value } or { id, ok: false, error } is posted back, then
 * the shared `signal` is set to 1 and notified (the main thread sleeps until
 * it reads 1, then takes the reply synchronously).
 */
import { createRequire } from "node:module";
import { workerData } from "node:worker_threads";
import * as asyncDriver from "./async-driver.mjs";
import { driveAllNext, driveInjected, driveOps, Session } from "./driver.mjs";

const require = createRequire(import.meta.url);
const { port, signal: signalBuffer, runtimeModule } = workerData;
const signal = new Int32Array(signalBuffer);
const modules = new Map();
let runtime;

function program(path) {
  const mod = modules.get(path);
  if (!mod) throw new Error(`sandbox: ${path} was not loaded`);
  return mod;
}

/** The runtime through the same loader as the compiled programs, hence the same registry. */
function getRuntime() {
  runtime ??= require(runtimeModule);
  return runtime;
}

function failure(error) {
  const { SnapshotError } = getRuntime();
  const ctor = error?.constructor?.name ?? typeof error;
  return {
    snapshotError: error instanceof SnapshotError,
    text: `${ctor}: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** The generator after k next() calls, with the trace of getting there. */
function advanced(mod, k) {
  const session = Session.start(mod);
  for (let i = 0; i < k; i++) session.next();
  return session;
}

const handlers = {
  load({ path }) {
    modules.set(path, require(path));
    return null;
  },
  allNext({ path }) {
    return driveAllNext(program(path));
  },
  injected({ path, k, kind }) {
    return driveInjected(program(path), k, kind);
  },
  ops({ path, ops }) {
    return driveOps(program(path), ops);
  },
  /** snapshot() after k calls, for each k: the trace so far and the blob, or why it failed. */
  snapshots({ path, points }) {
    const { snapshot } = getRuntime();
    const mod = program(path);
    return points.map((k) => {
      const session = advanced(mod, k);
      try {
        const blob = snapshot(session.gen);
        return typeof blob === "string" ? { k, trace: session.trace, blob } : { k, trace: session.trace, blobType: typeof blob };
      } catch (error) {
        return { k, trace: session.trace, error: failure(error) };
      }
    });
  },
  /** fork() after k calls, for each k: the fork driven to the end, then the original. */
  forks({ path, points }) {
    const { fork } = getRuntime();
    const mod = program(path);
    return points.map((k) => {
      const original = advanced(mod, k);
      let forked;
      try {
        forked = fork(original.gen);
      } catch (error) {
        return { k, error: failure(error) };
      }
      const prefix = original.trace.slice();
      const copy = Session.adopt(mod, forked, k).drain();
      original.resync();
      original.drain();
      return { k, forkTrace: [...prefix, ...copy.trace], originalTrace: original.trace };
    });
  },

  // Async generators (async-driver.mjs): the handler's promise is awaited before the reply.
  asyncAllNext({ path }) {
    return asyncDriver.driveAllNext(program(path));
  },
  asyncInjected({ path, k, kind }) {
    return asyncDriver.driveInjected(program(path), k, kind);
  },
  asyncConcurrent({ path, k, pattern }) {
    return asyncDriver.driveConcurrent(program(path), k, pattern);
  },
  asyncOps({ path, ops }) {
    return asyncDriver.driveOps(program(path), ops);
  },
  asyncAllAtOnce({ path, count }) {
    return asyncDriver.driveAllAtOnce(program(path), count);
  },
  /** snapshot() after k awaited next() calls, for each k; also snapshot() while the next next() is pending, which must refuse. */
  async asyncSnapshots({ path, points }) {
    const { snapshot } = getRuntime();
    const mod = program(path);
    const results = [];
    for (const k of points) {
      const session = await asyncDriver.advanced(mod, k);
      const trace = session.trace.slice();
      let result;
      try {
        const blob = snapshot(session.gen);
        result = typeof blob === "string" ? { k, trace, blob } : { k, trace, blobType: typeof blob };
      } catch (error) {
        result = { k, trace, error: failure(error) };
      }
      if (!session.finished) {
        const pending = session.next();
        try {
          snapshot(session.gen);
          result.busySnapshot = "succeeded";
        } catch (error) {
          result.busySnapshot = failure(error);
        }
        await pending;
      }
      results.push(result);
    }
    return results;
  },
  /** fork() after k awaited next() calls: the fork driven to the end, then the original. */
  async asyncForks({ path, points }) {
    const { fork } = getRuntime();
    const mod = program(path);
    const results = [];
    for (const k of points) {
      const original = await asyncDriver.advanced(mod, k);
      let forked;
      try {
        forked = fork(original.gen);
      } catch (error) {
        results.push({ k, error: failure(error) });
        continue;
      }
      const prefix = original.trace.slice();
      const copy = await asyncDriver.AsyncSession.adopt(mod, forked, k).drain();
      original.resync();
      await original.drain();
      results.push({ k, forkTrace: [...prefix, ...copy.trace], originalTrace: original.trace });
    }
    return results;
  },
};

function failed(request, error) {
  return {
    id: request.id,
    ok: false,
    error: {
      name: error?.constructor?.name ?? "Error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    },
  };
}

function send(reply) {
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on("message", (request) => {
  let value;
  try {
    value = handlers[request.op](request);
  } catch (error) {
    send(failed(request, error));
    return;
  }
  // The async drivers answer with a promise: reply once it settles.
  if (value instanceof Promise) {
    value.then(
      (settled) => send({ id: request.id, ok: true, value: settled }),
      (error) => send(failed(request, error)),
    );
    return;
  }
  send({ id: request.id, ok: true, value });
});
