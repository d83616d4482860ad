/**
 * `node --import resumable-generators/register app.ts`: run code that uses
 * `@resumable` (and TypeScript) without a build step. Stack traces point at
 * the original lines through the inline source maps.
 */
import { register } from "node:module";

process.setSourceMapsEnabled(true);
register(new URL("./loader-hooks.js", import.meta.url));
