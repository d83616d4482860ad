/**
 * A "data" record is built by `ext.load(type, data)`, so everything its data
 * reaches must be complete first: shells filled, nested data records loaded.
 * A shell (object, Map, "fields" record, ...) exists from pass 1 and needs only
 * the data records it holds directly to be loaded before it is filled.
 * `findLoadOrder` lists the entries reachable from data records in an order
 * that meets both rules, or names a data record on a reference cycle, for which
 * no order exists (its data would have to be complete before it is built).
 *
 * This is Tarjan's strongly connected components walk, iterative so that deep
 * graphs cannot overflow the call stack. An entry is finished after everything
 * it reaches except the members of its own cycle, and a data record is on a
 * cycle exactly when
 *   - an edge reaches it while it is still on Tarjan's stack (it refers to
 *     itself, or it is the first member of its cycle the walk entered), or
 *   - it finishes with a lowlink below its own visit number (the walk entered
 *     its cycle through another member).
 */

export type LoadOrder = { order: number[]; cycleAt?: undefined } | { order?: undefined; cycleAt: number };

export function findLoadOrder(
  entryCount: number,
  dataRecords: readonly number[],
  isDataRecord: (index: number) => boolean,
  referencesOf: (index: number) => readonly number[],
): LoadOrder {
  const notVisited = -1;
  const visitNumber = new Int32Array(entryCount).fill(notVisited);
  const lowlink = new Int32Array(entryCount);
  const onTarjanStack = new Uint8Array(entryCount);
  const tarjanStack: number[] = [];
  // The current walk path, with each step's references and how many were followed:
  // what a recursive version would keep on the call stack.
  const path: number[] = [];
  const pathRefs: (readonly number[])[] = [];
  const pathNextRef: number[] = [];
  const order: number[] = [];
  let visits = 0;

  const enter = (index: number): void => {
    visitNumber[index] = lowlink[index] = visits++;
    tarjanStack.push(index);
    onTarjanStack[index] = 1;
    path.push(index);
    pathRefs.push(referencesOf(index));
    pathNextRef.push(0);
  };

  for (const start of dataRecords) {
    if (visitNumber[start] !== notVisited) continue;
    enter(start);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top];
      const refs = pathRefs[top];
      if (pathNextRef[top] < refs.length) {
        const next = refs[pathNextRef[top]++];
        if (visitNumber[next] === notVisited) {
          enter(next);
        } else if (onTarjanStack[next]) {
          if (isDataRecord(next)) return { cycleAt: next };
          lowlink[node] = Math.min(lowlink[node], visitNumber[next]);
        }
        continue;
      }
      path.pop();
      pathRefs.pop();
      pathNextRef.pop();
      if (lowlink[node] < visitNumber[node]) {
        if (isDataRecord(node)) return { cycleAt: node };
      } else {
        let member: number;
        do {
          member = tarjanStack.pop()!;
          onTarjanStack[member] = 0;
        } while (member !== node);
      }
      order.push(node);
      if (path.length > 0) {
        const parent = path[path.length - 1];
        lowlink[parent] = Math.min(lowlink[parent], lowlink[node]);
      }
    }
  }
  return { order };
}
