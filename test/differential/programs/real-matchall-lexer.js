// A log-line lexer that iterates String.prototype.matchAll (a native RegExp string iterator)
// with yields inside the loop, and Array.prototype.entries() / Object.entries() loops.
export const log = [];

/* @resumable */
export function* main(lines) {
  const counts = {};
  for (const [lineNo, line] of lines.entries()) {
    for (const m of line.matchAll(/(?<key>\w+)=(?<value>"[^"]*"|\S+)/g)) {
      const { key, value } = m.groups;
      counts[key] = (counts[key] ?? 0) + 1;
      yield `${lineNo}:${key}=${value.replace(/"/g, "")}@${m.index}`;
    }
  }
  for (const [key, n] of Object.entries(counts)) yield `${key}x${n}`;
  log.push(counts);
  return Object.keys(counts).length;
}

export const create = () => main(['level=info msg="started server" port=80', "level=warn", 'msg="disk full" level=error']);
// the matchAll iterator (native) is live inside the inner loop: refused there
export const snapshotRefusal = "allowed";
