/**
 * The fresh process of restore-in-child.test.ts and async-restore-in-child.test.ts:
 *   node child-restore.mjs <compiled module path> [--async]   with stdin: [{ k, blob }, ...]
 * imports the compiled program (which registers its resumable functions),
 * then for each blob restores it twice and drives both generators to the end,
 * first one, then the other, with the program's sends from call k on
 * (`--async`: async generators, each next() awaited, by async-driver.mjs).
 * Prints on stdout: [{ k, restoreLog, tag, first, second }] or [{ k, restoreThrew, errorClass }].
 */
import { pathToFileURL } from "node:url";
import { restore } from "resumable-generators";
import { describeError, describeValue, Session } from "./driver.mjs";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const modulePath = process.argv[2];
const Driver = process.argv[3] === "--async" ? (await import("./async-driver.mjs")).AsyncSession : Session;
const mod = await import(pathToFileURL(modulePath).href);
const jobs = JSON.parse(await readStdin());
const results = [];

for (const { k, blob } of jobs) {
  mod.log.length = 0;
  let first;
  let second;
  try {
    first = restore(blob);
    second = restore(blob);
  } catch (error) {
    results.push({ k, restoreThrew: describeError(error), errorClass: error?.constructor?.name ?? null });
    continue;
  }
  // restore() must not run program code: whatever it appended to the log is reported.
  const restoreLog = describeValue(mod.log.slice());
  const tag = Object.prototype.toString.call(first);
  results.push({
    k,
    restoreLog,
    tag,
    first: (await Driver.adopt(mod, first, k).drain()).trace,
    second: (await Driver.adopt(mod, second, k).drain()).trace,
  });
}

process.stdout.write(JSON.stringify(results));
