/**
 * A frame's layout version: a hash of where the compiled code keeps the
 * generator's state. The code version (code-version.ts) hashes the source;
 * the same source compiled by another version of this plugin, or with other
 * Babel plugins around it, may keep a value in another temporary or resume
 * at another case, and a restore that put the saved fields there would run
 * the code on the wrong values. So a frame's version is both,
 * `<code version>:<layout version>`, and restore refuses a frame whose
 * layout differs (runtime/saved-kinds.ts). What the hash covers is what
 * gives a saved field its meaning: the fields and the source names they
 * stand for, the temporaries, the resume points (case, live fields, loop
 * iterators, delegation), the try and await locations, the temporaries that
 * hold a method a snapshot may leave out. Positions in the
 * source are left out (the code version covers them), and so is everything
 * that changes code without moving state, such as the wording of a message.
 */
import { createHash } from "node:crypto";

export interface FrameLayout {
  /** Each local field with the source name it stands for. */
  locals: Array<[field: string, sourceName: string]>;
  params: string[];
  temps: string[];
  usesThis: boolean;
  usesArguments: boolean;
  tryLocs: ReadonlyArray<readonly [number, number | null, number | null, number | null]>;
  finalLoc: number;
  awaits: readonly number[];
  /** Temporaries holding a method, with its object's field and key: a snapshot may leave them out. */
  methodTemps: Readonly<Record<string, readonly [string, string]>>;
  resumePoints: ReadonlyArray<{
    resumeAt: number;
    within: number;
    delegate: boolean;
    resultTemp?: string | undefined;
    live: readonly string[];
    iterators: readonly string[];
  }>;
}

/** Eight hex digits: enough to tell builds apart, which is all the hash is for. */
export function layoutVersion(layout: FrameLayout): string {
  const resumePoints = layout.resumePoints.map(({ resumeAt, within, delegate, resultTemp, live, iterators }) => [
    resumeAt,
    within,
    delegate,
    resultTemp ?? null,
    live,
    iterators,
  ]);
  const text = JSON.stringify([
    layout.locals,
    layout.params,
    layout.temps,
    layout.usesThis,
    layout.usesArguments,
    layout.tryLocs,
    layout.finalLoc,
    layout.awaits,
    resumePoints,
    // Appended, and only when there are some: the layouts of functions without them are unchanged.
    ...(Object.keys(layout.methodTemps).length > 0 ? [layout.methodTemps] : []),
  ]);
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
