// A config loader: spread/rest, optional chaining and nullish defaults, with yields
// inside argument lists, object spreads and ?? chains.
export const log = [];

const DEFAULTS = { retries: 3, timeout: 1000, tags: ["base"], nested: { level: 1 } };

function merge(...layers) {
  return layers.reduce((acc, layer) => ({ ...acc, ...layer, tags: [...(acc.tags ?? []), ...(layer?.tags ?? [])] }), {});
}

/* @resumable */
export function* main(user) {
  const { name, ...rest } = user;
  const env = yield "env?";
  const config = merge(DEFAULTS, rest, { env: env ?? "dev" });
  const timeout = config.overrides?.timeout ?? (yield "timeout?") ?? config.timeout;
  const level = config.nested?.level ?? 0;
  const tagCount = config.tags?.length;
  const missing = config.missing?.deep?.value;
  const call = config.hook?.(1, 2);
  const argsList = [name, ...config.tags, ...(yield "extra tags?") ?? []];
  const final = { ...config, timeout, level, tagCount, missing, call, argsList, [`${name}Key`]: yield "key?" };
  log.push(Object.keys(final));
  return final;
}

export const create = () => main({ name: "svc", retries: 5, tags: ["user"], overrides: null });
export const sends = [undefined, null, undefined, ["t1", "t2"], "k"];
