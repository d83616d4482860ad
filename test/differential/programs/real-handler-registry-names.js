// An event-handler registry that reports handlers by their inferred `name`:
// an anonymous function is named after its target in `x ??= () => {}`,
// `x ||= function () {}`, a destructuring default (with or without a yield in
// the destructuring: `{ onDone = () => {} } = yield …`) and an object literal
// property (`{ [yield k]: () => {}, plain: () => {} }`).
export const log = [];

/* @resumable */
export function* main(options) {
  const { onProgress = () => {} } = options;
  let fallback = null;
  fallback ??= () => "fallback";
  let onError = 0;
  onError ||= function () {
    return "error";
  };
  const { onDone = () => "done", onStart = function () {} } = (yield "options?") ?? {};
  const routes = { [yield "event name?"]: () => "dynamic", home: () => "home" };
  // From a closure, where the targets are the generator's locals.
  let viaClosure = null;
  let viaClosurePattern;
  (() => {
    viaClosure ??= () => "closure";
    ({ viaClosurePattern = () => "closure pattern" } = {});
  })();
  const names = [viaClosure.name, viaClosurePattern.name, onProgress.name, fallback.name, onError.name, onDone.name, onStart.name, ...Object.values(routes).map((f) => f.name)];
  log.push(names);
  return names;
}

export const create = () => main({});
export const sends = [undefined, { onStart: undefined }, "click"];
// The handlers (functions) are live across the yields.
export const snapshotRefusal = "allowed";
