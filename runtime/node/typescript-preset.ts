/**
 * Which @babel/preset-typescript the register hook strips types with. A
 * preset refuses to run under another major version of @babel/core, and
 * `npm install @babel/core` now gives Babel 8 while our own dependency is
 * Babel 7's preset: so the project's preset (installed next to its
 * @babel/core) comes first, ours second, and a clear error when neither
 * matches.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The preset's entry file for @babel/core `babelVersion`, found from `filename` (the file being compiled), else from this package. */
export function typescriptPreset(filename: string, babelVersion: string): string {
  const major = babelVersion.split(".")[0]!;
  for (const resolver of [createRequire(filename), require]) {
    try {
      const manifest = JSON.parse(readFileSync(resolver.resolve("@babel/preset-typescript/package.json"), "utf8")) as { version: string };
      if (manifest.version.split(".")[0] === major) return resolver.resolve("@babel/preset-typescript");
    } catch {
      // Not installed there.
    }
  }
  throw new Error(
    `resumable-generators/register: ${filename} is TypeScript, and @babel/core ${babelVersion} needs @babel/preset-typescript ${major} to strip its types; ` +
      `install it next to @babel/core (npm install --save-dev @babel/preset-typescript@${major})`,
  );
}

/** Babel 8's preset always keeps `declare` fields out, and refuses the option that asked for it in 7. */
export function typescriptOptions(babelVersion: string): Record<string, boolean> {
  return babelVersion.startsWith("7.") ? { allowDeclareFields: true, onlyRemoveTypeImports: true } : { onlyRemoveTypeImports: true };
}
