// npm run demo: suspend a generator in one process, continue it in another,
// and check the result against a run that was never interrupted.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, "..", "..", ".cache", "first-demo");
mkdirSync(cache, { recursive: true });
const blobPath = join(cache, "story.snapshot.json");
const node = (script, ...args) =>
  execFileSync(process.execPath, ["--import", "resumable-generators/register", join(here, script), ...args], { encoding: "utf8" });

console.log("Process 1 runs 4 steps and saves:");
const first = node("save.js", blobPath, "4");
process.stdout.write(first);
console.log("Process 2 restores and finishes:");
const second = node("load.js", blobPath);
process.stdout.write(second);

console.log("Reference: one uninterrupted process:");
const reference = node("load.js", "--uninterrupted").trim();
const strip = (text) =>
  text
    .split("\n")
    .filter((line) => line && !line.includes("saved"))
    .map((line) => line.replace(/\[pid \d+\] /, "").trim());
const joined = [...strip(first), ...strip(second)];
const expected = strip(reference);
const same = JSON.stringify(joined) === JSON.stringify(expected);
console.log(same ? "OK: the resumed run matches the uninterrupted one, line for line." : "MISMATCH:\n" + expected.join("\n"));
process.exitCode = same ? 0 : 1;
