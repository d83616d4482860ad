/**
 * Checks of the options callers pass to snapshot and restore. A wrong type
 * or value is a TypeError that names the option and says what it takes:
 * `maxBytes: Number(process.env.LIMIT)` with the variable unset is NaN, and
 * NaN compares false with everything, so an unchecked limit would be
 * silently off. Keys are checked alike on both sides, so that no blob is
 * signed with a key restore would refuse.
 */
import type { Key } from "./envelope.js";

/** A whole number of at least `minimum`, or Infinity (no limit); `fallback` when absent. */
export function limitOption(options: object, name: string, fallback: number, caller: string, minimum = 1): number {
  const value = (options as Record<string, unknown>)[name];
  if (value === undefined) return fallback;
  if (typeof value === "number" && (value === Infinity || (Number.isSafeInteger(value) && value >= minimum))) return value;
  throw new TypeError(`${caller}: options.${name} must be a whole number of at least ${minimum}, or Infinity; got ${shown(value)}`);
}

/** The `migrate` option: function ids to hook functions. */
export function migrationsOption<M>(options: { migrate?: Record<string, M> }, caller: string): Record<string, M> | undefined {
  const migrate = options.migrate as unknown;
  if (migrate === undefined) return undefined;
  if (typeof migrate !== "object" || migrate === null || Array.isArray(migrate)) {
    throw new TypeError(`${caller}: options.migrate must be an object of migration functions keyed by function id; got ${shown(migrate)}`);
  }
  for (const [id, hook] of Object.entries(migrate)) {
    if (typeof hook !== "function") {
      throw new TypeError(
        `${caller}: options.migrate[${JSON.stringify(id)}] must be a function (old frame) => new frame; got ${shown(hook)}`,
      );
    }
  }
  return migrate as Record<string, M>;
}

/** A signing or verifying key: a non-empty string or Uint8Array. */
export function checkedKey(key: unknown, caller: string): Key {
  if (typeof key !== "string" && !(key instanceof Uint8Array)) {
    throw new TypeError(`${caller}: a key must be a string or a Uint8Array; got ${shown(key)}`);
  }
  if (key.length === 0) throw new TypeError(`${caller}: a key must not be empty (an unset environment variable?)`);
  return key;
}

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value == null) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "function" ? "a function" : `a ${typeof value}`;
}
