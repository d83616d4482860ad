// A plugin host calls optional hooks through a parenthesized optional member,
// `(plugin.hooks?.transform)(yield …)`, which keeps `this` = plugin.hooks
// (the parentheses stop the short-circuit, not the reference), also as a
// tag; a missing hook object leaves nothing to call: TypeError after the
// arguments, yield included.
export const log = [];

const hooks = {
  prefix: ">>",
  transform(input) {
    return `${this.prefix} ${input}`;
  },
  tag(strings, ...values) {
    return `${this.prefix}${strings.join("_")}${values.join(",")}`;
  },
};

/* @resumable */
export function* main(plugin) {
  const out = [];
  for (let i = 0; i < 2; i++) {
    try {
      out.push((plugin.hooks?.transform)(yield `input ${i}?`));
    } catch (e) {
      out.push(e.constructor.name);
    }
  }
  try {
    out.push((plugin.hooks?.tag)`a${yield "tagged?"}b`);
  } catch (e) {
    out.push(e.constructor.name);
  }
  try {
    out.push((plugin.missing?.transform)(yield "missing hooks?"));
  } catch (e) {
    out.push(e.constructor.name);
  }
  log.push(out);
  return out;
}

export const create = () => main({ name: "p", hooks });
export const sends = [undefined, "x", "y", "z"];
// The plugin object, whose hooks are functions, is in the live state.
export const snapshotRefusal = "allowed";
