/**
 * The register hook's choice of TypeScript preset: the project's own preset
 * of @babel/core's major version first, the package's (Babel 7's) second,
 * and a message saying what to install when neither matches.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { typescriptOptions, typescriptPreset } from "../../dist/runtime/node/typescript-preset.js";
import { projectRoot } from "../support/compile.js";

const scratch = join(projectRoot, ".cache", "typescript-preset-test");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project directory holding a source file and, optionally, a preset of the given version. */
function project(name: string, presetVersion?: string): string {
  const root = join(scratch, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  if (presetVersion !== undefined) {
    const preset = join(root, "node_modules", "@babel", "preset-typescript");
    mkdirSync(preset, { recursive: true });
    writeFileSync(
      join(preset, "package.json"),
      JSON.stringify({ name: "@babel/preset-typescript", version: presetVersion, main: "index.js" }),
    );
    writeFileSync(join(preset, "index.js"), "module.exports = () => ({});");
  }
  const file = join(root, "main.ts");
  writeFileSync(file, "export {};");
  return file;
}

describe("the register hook's TypeScript preset", () => {
  it("takes the project's preset when its major version matches @babel/core's", () => {
    const file = project("babel8", "8.0.7");
    expect(typescriptPreset(file, "8.1.3")).toBe(join(scratch, "babel8", "node_modules", "@babel", "preset-typescript", "index.js"));
  });

  it("falls back to the package's own preset (Babel 7's) under @babel/core 7", () => {
    const file = project("babel7-mismatched-project-preset", "8.0.7");
    expect(typescriptPreset(file, "7.29.0")).toMatch(/node_modules[\\/]@babel[\\/]preset-typescript[\\/]lib[\\/]index\.js$/);
    expect(typescriptPreset(file, "7.29.0")).not.toContain("babel7-mismatched-project-preset");
  });

  it("says what to install when no preset matches @babel/core 8", () => {
    const file = project("babel8-without-preset");
    expect(() => typescriptPreset(file, "8.1.3")).toThrow(
      /main\.ts is TypeScript, and @babel\/core 8\.1\.3 needs @babel\/preset-typescript 8 to strip its types; install it next to @babel\/core \(npm install --save-dev @babel\/preset-typescript@8\)/,
    );
  });

  it("passes allowDeclareFields only to Babel 7's preset, which needs it and which Babel 8's refuses", () => {
    expect(typescriptOptions("7.29.0")).toEqual({ allowDeclareFields: true, onlyRemoveTypeImports: true });
    expect(typescriptOptions("8.1.3")).toEqual({ onlyRemoveTypeImports: true });
  });
});
