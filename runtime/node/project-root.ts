/**
 * A project's root: the directory of the nearest package.json. The plugin
 * names a function's file relative to it (through Babel's `root`), so the
 * register hook compiles with it and `inspect` reads a blob's file names
 * from it, whatever directory the process started in.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

const rootOfDirectory = new Map<string, string>();

/** The nearest directory at or above `start` that holds a package.json; `start` itself when none does. */
export function projectRootOf(start: string): string {
  let directory = start;
  for (;;) {
    const known = rootOfDirectory.get(directory);
    if (known !== undefined) return known;
    if (existsSync(join(directory, "package.json"))) break;
    const parent = dirname(directory);
    if (parent === directory) {
      directory = start;
      break;
    }
    directory = parent;
  }
  rootOfDirectory.set(start, directory);
  return directory;
}
