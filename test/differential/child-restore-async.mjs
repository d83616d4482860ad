/**
 * The fresh process of async-restore-in-child.test.ts (child-restore.mjs for
 * async generators):
 *   node child-restore-async.mjs <compiled module path>   with stdin: [{ k, blob }, ...]
 * imports the compiled program, then for each blob restores it twice and
 * drives both async generators to the end (awaiting each next()), first one,
 * then the other, with the program's sends from call k on.
 * Prints on stdout: [{ k, restoreLog, tag, first, second }] or [{ k, restoreThrew, errorClass }].
 */
import { pathToFileURL } from "node:url";
import { restore } from "../../dist/runtime/index.js";
import { AsyncSession } from "./async-driver.mjs";
import { describeError, describeValue } from "./driver.mjs";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const modulePath = process.argv[2];
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
    first: (await AsyncSession.adopt(mod, first, k).drain()).trace,
    second: (await AsyncSession.adopt(mod, second, k).drain()).trace,
  });
}

process.stdout.write(JSON.stringify(results));
