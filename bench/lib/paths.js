import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const projectRoot = join(benchDir, "..");
export const sourcesDir = join(benchDir, "sources");
