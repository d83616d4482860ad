/**
 * The crash-and-resume loop of examples/training-stream on a small corpus:
 * the demo driver kills the trainer with SIGKILL at seeded random moments,
 * resumes it from its checkpoint each time, and checks the batches and the
 * final model against an uninterrupted run (see demo.ts for the checks).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot, runNode } from "./fixtures/child.ts";

const dir = mkdtempSync(join(tmpdir(), "training-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const demo = join(projectRoot, "examples", "training-stream", "demo.ts");

describe("training stream: killed and resumed", () => {
  for (const killSeed of [3, 11]) {
    it(`continues exactly and ends bit-identical to an uninterrupted run (kill seed ${killSeed})`, () => {
      const work = join(dir, `work-${killSeed}`);
      const result = runNode(
        demo,
        ["--lines", "3000", "--kills", "3", "--every", "20", "--kill-seed", String(killSeed), "--work", work, "--corpus-dir", dir],
        120_000,
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/\nOK \(/);
      expect(result.status).toBe(0);
      // Usually 3 kills; a run may also finish before the third one comes.
      expect(result.stdout).toMatch(/✓ [1-3] SIGKILLs?, [1-3] resumes?, each from the last checkpoint/);
      expect(result.stdout).toMatch(/✓ batches: [\d,]+ trained once each, in the reference's order, none lost, none repeated/);
      expect(result.stdout).toMatch(/✓ final model bit-identical to the uninterrupted run/);
      expect(result.stdout).not.toContain("✗");
    });
  }
});
