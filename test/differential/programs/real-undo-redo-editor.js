// A text editor session with undo/redo stacks of command objects; commands come in
// through next(value), the document is an array of lines, and each state is yielded.
export const log = [];

/* @resumable */
export function* main(initial) {
  let doc = initial.split("\n");
  const undo = [];
  const redo = [];
  let cmd = yield doc.join("/");
  while (cmd !== "quit" && cmd !== undefined) {
    const [verb, ...args] = typeof cmd === "string" ? cmd.split(" ") : ["noop"];
    switch (verb) {
      case "ins": {
        const at = Math.min(Number(args[0]) || 0, doc.length);
        const text = args.slice(1).join(" ");
        undo.push({ kind: "del", at, prev: null });
        doc = [...doc.slice(0, at), text, ...doc.slice(at)];
        redo.length = 0;
        break;
      }
      case "set": {
        const at = Number(args[0]);
        if (!(at in doc)) break;
        undo.push({ kind: "set", at, prev: doc[at] });
        doc[at] = args.slice(1).join(" ");
        redo.length = 0;
        break;
      }
      case "undo":
      case "redo": {
        const from = verb === "undo" ? undo : redo;
        const to = verb === "undo" ? redo : undo;
        const op = from.pop();
        if (!op) break;
        if (op.kind === "del") {
          to.push({ kind: "ins", at: op.at, prev: doc[op.at] });
          doc.splice(op.at, 1);
        } else if (op.kind === "ins") {
          to.push({ kind: "del", at: op.at, prev: null });
          doc.splice(op.at, 0, op.prev);
        } else {
          to.push({ kind: "set", at: op.at, prev: doc[op.at] });
          doc[op.at] = op.prev;
        }
        break;
      }
      default:
        log.push(`unknown ${String(cmd)}`);
    }
    cmd = yield doc.join("/");
  }
  return { doc, undo: undo.length, redo: redo.length };
}

export const create = () => main("alpha\nbeta");
export const sends = [undefined, "ins 1 gamma", "set 0 ALPHA", "undo", "undo", "redo", 7, "set 9 nope", "ins 0 top", "undo", "redo", "quit"];
