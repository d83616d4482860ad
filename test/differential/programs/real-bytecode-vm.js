// A tiny stack VM: a switch dispatch loop over bytecode; IN and OUT instructions suspend,
// CALL/RET use an explicit call stack, and errors become VM traps caught in the loop.
export const log = [];

const PROGRAM = [
  ["IN"], ["DUP"], ["PUSH", 0], ["LT"], ["JMPIF", 14],
  ["CALL", 9], ["OUT"], ["JMP", 0], ["HALT"],
  // square: (9)
  ["DUP"], ["MUL"], ["PUSH", 1], ["ADD"], ["RET"],
  // negative input (14)
  ["PUSH", "neg"], ["OUT"], ["POP"], ["HALT"],
];

/* @resumable */
export function* main(maxSteps) {
  const stack = [];
  const calls = [];
  let pc = 0;
  let steps = 0;
  const outputs = [];
  exec: while (steps++ < maxSteps) {
    const [op, arg] = PROGRAM[pc++];
    try {
      switch (op) {
        case "PUSH": stack.push(arg); break;
        case "POP": stack.pop(); break;
        case "DUP": stack.push(stack.at(-1)); break;
        case "ADD":
        case "MUL": {
          const b = stack.pop(), a = stack.pop();
          if (typeof a !== "number" || typeof b !== "number") throw new TypeError(`${op} on ${typeof a}/${typeof b}`);
          stack.push(op === "ADD" ? a + b : a * b);
          break;
        }
        case "LT": { const b = stack.pop(); stack.push(stack.pop() < b); break; }
        case "JMP": pc = arg; continue exec;
        case "JMPIF": if (stack.pop()) pc = arg; break;
        case "CALL": calls.push(pc); pc = arg; break;
        case "RET": pc = calls.pop(); break;
        case "IN": {
          const v = yield { waiting: "input", pc: pc - 1, depth: stack.length };
          stack.push(typeof v === "number" ? v : Number.NaN);
          break;
        }
        case "OUT": outputs.push(stack.pop()); yield { out: outputs.at(-1) }; break;
        case "HALT": break exec;
        default: throw new Error(`bad op ${op}`);
      }
    } catch (e) {
      outputs.push(`trap ${e.constructor.name} at ${pc - 1}`);
      break;
    }
  }
  log.push(outputs);
  return { steps, stack, outputs };
}

export const create = () => main(200);
export const sends = [undefined, 3, 0, 5, 1, 7, 2, -4, 3];
