// A route matcher that keeps the RegExp match result (an array with index/input/groups)
// in a local across a yield, as users naturally do.
export const log = [];

/* @resumable */
export function* main(paths) {
  const route = /^\/users\/(?<id>\d+)\/(?<tab>\w+)$/;
  for (const path of paths) {
    const match = route.exec(path);
    const ok = yield match ? `match ${path}` : `miss ${path}`;
    if (match) log.push([match.groups.id, match.groups.tab, match.index, ok]);
  }
  return paths.length;
}

export const create = () => main(["/users/12/posts", "/about", "/users/7/likes"]);
// RegExp match arrays carry index/input/groups: refused, documented ("an array's own properties")
export const snapshotRefusal = "allowed";
