/**
 * saveCheckpoint / loadCheckpoint: one atomic file for several generators
 * and the user's own data, shared references kept; what a failed save leaves
 * behind (nothing changed); and a writer SIGKILLed in the middle of writing
 * leaves a checkpoint that loads and is one complete state.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CorruptSnapshotError, SignatureError, SnapshotError, snapshotValue } from "resumable-generators";
import { loadCheckpoint, saveCheckpoint } from "resumable-generators/node";
import { compileToFile, importCompiled } from "../support/compile.ts";
import { counterVersions, runModuleScript } from "../support/counter-versions.ts";
import { fixture, lastJson, projectRoot, runNode, startNode } from "./fixtures/child.ts";
import type { WriterState } from "./fixtures/checkpoint-writer.ts";

const dir = mkdtempSync(join(tmpdir(), "checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("saveCheckpoint / loadCheckpoint", () => {
  it("round-trips the user's data with shared references and cycles", () => {
    const path = join(dir, "data.ckpt");
    const weights = new Float64Array([1.5, -0, Number.MIN_VALUE, NaN]);
    const layer = { weights, name: "dense" };
    const state = { layers: [layer, layer], weights, counters: new Map([["steps", 12]]), self: undefined as unknown };
    state.self = state;
    const bytes = saveCheckpoint(path, state);
    expect(bytes).toBe(readFileSync(path).length);
    const loaded = loadCheckpoint<typeof state>(path)!;
    expect(loaded.layers[0]).toBe(loaded.layers[1]);
    expect(loaded.layers[0]!.weights).toBe(loaded.weights);
    expect(loaded.self).toBe(loaded);
    expect(Object.is(loaded.weights[1], -0)).toBe(true);
    expect(Array.from(loaded.weights)).toEqual(Array.from(weights));
    expect(loaded.counters.get("steps")).toBe(12);
  });

  it("gives undefined when there is no checkpoint yet", () => {
    expect(loadCheckpoint(join(dir, "none.ckpt"))).toBeUndefined();
  });

  it("leaves the previous checkpoint untouched, and no temporary file, when the state cannot be saved", () => {
    const path = join(dir, "refused.ckpt");
    saveCheckpoint(path, { step: 1 });
    const before = readFileSync(path, "utf8");
    expect(() => saveCheckpoint(path, { step: 2, callback: () => 0 })).toThrow(SnapshotError);
    expect(() => saveCheckpoint(path, { step: 2, callback: () => 0 })).toThrow(
      /checkpoint › field "callback": function callback is not serializable/,
    );
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(dir).filter((name) => name.includes("refused") && name.endsWith(".tmp"))).toEqual([]);
  });

  it("names the checkpoint, not its temporary file, when the file system refuses the write; and loadCheckpoint() in option errors", () => {
    const missing = join(dir, "no-such-dir", "sub", "job.ckpt");
    expect(() => saveCheckpoint(missing, { step: 1 })).toThrow(
      `checkpoint ${missing}: its directory does not exist (saveCheckpoint does not create directories)`,
    );
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "");
    const inside = join(blocked, "job.ckpt");
    expect(() => saveCheckpoint(inside, { step: 1 })).toThrow(new RegExp(`^checkpoint ${inside}: cannot write it: ENOTDIR`));
    const path = join(dir, "options.ckpt");
    saveCheckpoint(path, { step: 1 });
    expect(() => loadCheckpoint(path, { maxBytes: Number.NaN })).toThrow(
      "loadCheckpoint(): options.maxBytes must be a whole number of at least 1, or Infinity; got NaN",
    );
  });

  it("reports a damaged checkpoint as corrupt, naming the file", () => {
    const path = join(dir, "damaged.ckpt");
    saveCheckpoint(path, { step: 1, data: new Float64Array([1, 2, 3]) });
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 8));
    expect(() => loadCheckpoint(path)).toThrow(CorruptSnapshotError);
    expect(() => loadCheckpoint(path)).toThrow(
      `checkpoint ${path}: the binary snapshot ends inside attachment 0 (24 bytes); was it truncated?`,
    );
  });

  it("is a binary blob, and still loads a text one", () => {
    const path = join(dir, "text.ckpt");
    saveCheckpoint(path, { step: 1 });
    expect(readFileSync(path).subarray(0, 4).toString("latin1")).toBe("\x89RGS");
    writeFileSync(path, snapshotValue({ step: 2, weights: new Float64Array([0.5]) }));
    const loaded = loadCheckpoint<{ step: number; weights: Float64Array }>(path)!;
    expect(loaded.step).toBe(2);
    expect([...loaded.weights]).toEqual([0.5]);
  });

  it("signs with a key and refuses a wrong one", () => {
    const path = join(dir, "signed.ckpt");
    saveCheckpoint(path, { step: 3 }, { key: "secret" });
    expect(loadCheckpoint(path, { key: "secret" })).toEqual({ step: 3 });
    expect(() => loadCheckpoint(path, { key: "other" })).toThrow(SignatureError);
  });

  it.skipIf(process.platform === "win32")("keeps an existing checkpoint's permission bits; a new one gets the default", () => {
    const path = join(dir, "private.ckpt");
    saveCheckpoint(path, { step: 1 });
    chmodSync(path, 0o600);
    saveCheckpoint(path, { step: 2 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o640);
    saveCheckpoint(path, { step: 3 });
    expect(statSync(path).mode & 0o777).toBe(0o640);
    // Bits the umask clears when a file is created are kept too.
    chmodSync(path, 0o666);
    saveCheckpoint(path, { step: 3 });
    expect(statSync(path).mode & 0o777).toBe(0o666);
    chmodSync(path, 0o600);
    expect(loadCheckpoint(path)).toEqual({ step: 3 });
    // A new checkpoint: what creating a file gives (0o666 less the umask), as writeFileSync does.
    const fresh = join(dir, "fresh.ckpt");
    const reference = join(dir, "reference");
    writeFileSync(reference, "");
    saveCheckpoint(fresh, { step: 1 });
    expect(statSync(fresh).mode & 0o777).toBe(statSync(reference).mode & 0o777);
  });

  it("passes a migration on to restore: a checkpoint of one version of a generator loads in the changed version", () => {
    // The README's counter, each version in its own process (both register the id "checkpoint.counter").
    const [version1, version2] = counterVersions("checkpoint.counter");
    const v1 = compileToFile(version1, join(projectRoot, "test", "node", "fixtures", "checkpoint-counter-v1.js"));
    const v2 = compileToFile(version2, join(projectRoot, "test", "node", "fixtures", "checkpoint-counter-v2.js"));
    const node = JSON.stringify("resumable-generators/node");
    const path = join(dir, "migrated.ckpt");
    const run = runModuleScript;
    run(`
      import { saveCheckpoint } from ${node};
      import { counter } from ${JSON.stringify(v1)};
      const gen = counter(5); gen.next(); gen.next(); gen.next();
      saveCheckpoint(${JSON.stringify(path)}, { step: 3, gen });
    `);
    const refused = run(`
      import { loadCheckpoint } from ${node};
      import ${JSON.stringify(v2)};
      try { loadCheckpoint(${JSON.stringify(path)}); console.log("loaded?!"); } catch (e) { console.log(e.name); }
    `);
    expect(refused).toBe("VersionMismatchError");
    const migrated = run(`
      import { loadCheckpoint } from ${node};
      import ${JSON.stringify(v2)};
      const state = loadCheckpoint(${JSON.stringify(path)}, {
        migrate: {
          "checkpoint.counter": (old) => ({
            resumePoint: old.resumePoint.label,
            locals: { ...old.locals, total: (old.locals.count * (old.locals.count + 1)) / 2 },
          }),
        },
      });
      console.log(JSON.stringify([state.step, ...state.gen]));
    `);
    expect(migrated).toBe("[3,[4,10],[5,15]]");
  });

  it("passes maxDelegateDepth on to restore", async () => {
    const { outer } = await importCompiled<{ outer: () => Generator<number> }>(
      `
      /* @resumable("checkpoint.depth.inner") */
      function* inner() { yield 1; yield 2; }
      /* @resumable("checkpoint.depth.outer") */
      export function* outer() { yield* inner(); }`,
      join(projectRoot, "test", "node", "fixtures", "checkpoint-depth.js"),
    );
    const path = join(dir, "depth.ckpt");
    const gen = outer();
    gen.next();
    saveCheckpoint(path, { gen });
    expect([...loadCheckpoint<{ gen: Generator<number> }>(path)!.gen]).toEqual([2]);
    expect(() => loadCheckpoint(path, { maxDelegateDepth: 1 })).toThrow(CorruptSnapshotError);
    expect(() => loadCheckpoint(path, { maxDelegateDepth: 1 })).toThrow(
      `checkpoint ${path}: the snapshot's yield* chain is deeper than 1; raise RestoreOptions.maxDelegateDepth if it is legitimate`,
    );
  });

  it("holds several generators (one driving the other), a line reader and the user's data, in a fresh process", () => {
    const text = join(dir, "words.txt");
    writeFileSync(text, "the quick brown\nfox jumps\r\nover the lazy dog");
    const all = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"];
    const checkpoint = join(dir, "generators.json");
    const saved = runNode(fixture("checkpoint-job.ts"), ["save", checkpoint, text, "4"]);
    expect(saved.stderr).toBe("");
    const first = lastJson<{ values: string[] }>(saved.stdout).values;
    expect(first).toEqual(["0:the", "1:quick", "2:brown", "3:fox"]);
    const loaded = runNode(fixture("checkpoint-job.ts"), ["load", checkpoint]);
    expect(loaded.stderr).toBe("");
    const out = lastJson<{
      values: string[];
      seenAtLoad: number;
      seen: string[];
      aliasIsShared: boolean;
      innerDone: boolean;
      params: number[];
      counters: unknown;
    }>(loaded.stdout);
    expect([...first, ...out.values]).toEqual(all.map((word, i) => `${i}:${word}`));
    // The object the generator pushes into is the one in the state: it saw the words pushed before and after.
    expect(out.seenAtLoad).toBe(4);
    expect(out.seen).toEqual(all);
    expect(out.aliasIsShared).toBe(true);
    expect(out.innerDone).toBe(true);
    expect(out.params).toEqual([0.1 + 0.1 + 0.1 + 0.1 + 0.1, -2.5e-300, Math.PI]);
    expect(out.counters).toEqual([["steps", 4]]);
  });
});

/** Seeded, so a failing sequence of kill delays can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkComplete(state: WriterState | undefined, atLeast: number): number {
  expect(state).toBeDefined();
  const { i, payload, list, total } = state!;
  expect(i).toBeGreaterThanOrEqual(atLeast);
  expect(payload.length).toBe(200_000);
  expect(payload.every((x) => x === i)).toBe(true);
  expect(list.length).toBe(5000);
  expect(list.every((x) => x === i)).toBe(true);
  expect(total).toBe(i * 5000);
  return i;
}

describe("a checkpoint writer killed at random moments", () => {
  it("always leaves a checkpoint that loads and is one complete state, never older than the last reported save", async () => {
    const path = join(dir, "killed.json");
    const random = seeded(20240611);
    let lastReported = 0;
    let interruptedWrites = 0;
    for (let round = 0; round < 8; round++) {
      const child = startNode(fixture("checkpoint-writer.ts"), [path]);
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      let reported = lastReported;
      await new Promise<void>((resolve, reject) => {
        let started = false;
        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (chunk: string) => {
          for (const line of chunk.split("\n")) if (line) reported = Math.max(reported, Number(line));
          if (!started) {
            started = true;
            // The child is saving in a loop; kill it at a random moment of the next ~10 saves.
            setTimeout(() => child.kill("SIGKILL"), Math.floor(random() * 250));
          }
        });
        child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited with ${code}: ${stderr}`))));
      });
      if (readdirSync(dir).some((name) => name.startsWith(".killed.json.") && name.endsWith(".tmp"))) interruptedWrites++;
      lastReported = checkComplete(loadCheckpoint<WriterState>(path), reported);
    }
    // Saving again (from this process) removes what dead writers left behind.
    saveCheckpoint(path, { done: true });
    expect(readdirSync(dir).filter((name) => name.startsWith(".killed.json."))).toEqual([]);
    expect(loadCheckpoint(path)).toEqual({ done: true });
    console.log(`${interruptedWrites} of 8 kills interrupted a checkpoint write`);
  });
});
