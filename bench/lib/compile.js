/**
 * Compiles the benchmark sources two ways into .cache/bench/:
 *   ours/   Babel + our plugin (dist/babel-plugin), runtime imported as "resumable-generators"
 *   regen/  Babel + @babel/plugin-transform-regenerator, runtime from the regenerator-runtime package
 *           (async generators lowered first by @babel/plugin-transform-async-generator-functions)
 * The native flavour is the source file itself (the annotation is a comment).
 */
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./paths.js";

const require = createRequire(import.meta.url);
export const babel = require("@babel/core");
/**
 * The regenerator baseline's plugins. @babel/plugin-transform-regenerator
 * cannot explode a for…of, so @babel/plugin-transform-for-of lowers it
 * first, as in any real build that uses regenerator (preset-env runs both).
 */
export const regeneratorPlugins = [
  useRegeneratorRuntimePackage,
  require("@babel/plugin-transform-for-of").default,
  require("@babel/plugin-transform-regenerator").default,
];
/**
 * For the stepping sources, which hold async generators too: regenerator
 * cannot compile `for await`, and turns an async generator into a generator
 * only after @babel/plugin-transform-async-generator-functions has made it
 * one (its `_wrapAsyncGenerator` helper is the async driver), as preset-env
 * does. On a file without async generators it changes nothing, but the
 * compile benchmark keeps the two plugins above so its baseline does no
 * extra visiting.
 */
export const regeneratorPluginsWithAsync = [require("@babel/plugin-transform-async-generator-functions").default, ...regeneratorPlugins];
export const ourPluginPath = join(projectRoot, "dist", "babel-plugin", "index.js");

export async function loadOurPlugin() {
  return (await import(pathToFileURL(ourPluginPath).href)).default;
}

/**
 * Makes @babel/plugin-transform-regenerator emit calls to the regenerator-runtime
 * package (`_regeneratorRuntime.wrap/mark`) instead of Babel's inlined helper:
 * the same hook @babel/plugin-transform-runtime uses. Reporting "regenerator"
 * below means: regenerator-transform output + regenerator-runtime 0.14.
 */
function useRegeneratorRuntimePackage({ types: t }) {
  const local = "_regeneratorRuntime";
  return {
    name: "bench-regenerator-runtime-package",
    pre(file) {
      let used = false;
      file.set("helperGenerator", (name) => {
        // Tells the regenerator plugin that its new inline helpers are not available.
        if (name === "regenerator") return t.identifier("__interal_marker_fallback_regenerator__");
        if (name === "regeneratorRuntime") {
          used = true;
          return t.arrowFunctionExpression([], t.identifier(local));
        }
        return undefined;
      });
      this.usedRuntime = () => used;
    },
    visitor: {
      Program: {
        exit(path) {
          if (!this.usedRuntime()) return;
          path.unshiftContainer(
            "body",
            t.importDeclaration([t.importDefaultSpecifier(t.identifier(local))], t.stringLiteral("regenerator-runtime")),
          );
        },
      },
    },
  };
}

const baseOptions = { babelrc: false, configFile: false, root: projectRoot, sourceType: "module", compact: false };

export function compileOurs(code, filename, ourPlugin) {
  return babel.transformSync(code, { ...baseOptions, filename, plugins: [ourPlugin] }).code;
}

export function compileRegenerator(code, filename) {
  return babel.transformSync(code, {
    ...baseOptions,
    filename,
    plugins: regeneratorPluginsWithAsync,
  }).code;
}

/** Compiles each source file both ways; returns { native, ours, regen } file URLs per source name. */
export async function compileSources(files) {
  const ourPlugin = await loadOurPlugin();
  const outDir = join(projectRoot, ".cache", "bench");
  mkdirSync(join(outDir, "ours"), { recursive: true });
  mkdirSync(join(outDir, "regen"), { recursive: true });
  const urls = {};
  for (const file of files) {
    const code = readFileSync(file, "utf8");
    const name = basename(file, ".js");
    const ours = join(outDir, "ours", `${name}.mjs`);
    const regen = join(outDir, "regen", `${name}.mjs`);
    // The file name the compiler sees decides the function ids (bench/sources/x.js#fn).
    writeFileSync(ours, compileOurs(code, file, ourPlugin));
    writeFileSync(regen, compileRegenerator(code, file));
    urls[name] = {
      native: pathToFileURL(file).href,
      ours: pathToFileURL(ours).href,
      regen: pathToFileURL(regen).href,
      relative: relative(projectRoot, file),
    };
  }
  return urls;
}

/** Imports one source in all three flavours. */
export async function importFlavours(entry) {
  const [native, ours, regen] = await Promise.all([import(entry.native), import(entry.ours), import(entry.regen)]);
  return { native, ours, regen };
}
