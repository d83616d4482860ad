/**
 * Keeps one idle instance of a class alive for the life of the process
 * (frame classes keep theirs in the function table instead: function-table.ts).
 *
 * Why: V8 reaches the hidden class of an instance by adding its fields one by
 * one to the constructor's initial map, and holds those added maps only
 * weakly. The encoder, the decoder and the packers live for one call, a
 * loop's cursor for one loop, so at a full GC often none is alive; after two
 * such GCs the map dies, and every optimized function that checks for it is
 * thrown away ("weak objects" in `--trace-deopt`). Measured on the benchmark
 * pipeline's blob: after a full GC, restore took 12–25 µs per call for the
 * next few thousand calls against 7.5 µs before it, and it often settled at
 * 12 µs, its code re-optimized for the dead map and the new one. One idle
 * instance keeps the map, and the code built for it, valid.
 */
const keptAlive: object[] = [];

export function keepHiddenClassAlive(idleInstance: object): void {
  keptAlive.push(idleInstance);
}
