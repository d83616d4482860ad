/**
 * Stores a key and value read from a blob as an own data property. A plain
 * assignment would do, except for "__proto__": assigned, it sets the
 * object's prototype instead (or is ignored); defined, it is a key like any
 * other, as JSON.parse makes it.
 */
export function setOwnProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
