// The condition of a do-while yields; the loop stops when 40 is sent.
export const log = [];

/* @resumable */
export function* main() {
  let turns = 0;
  do {
    turns++;
    log.push(["turn", turns]);
  } while ((yield turns) !== 40 && turns < 20);
  return turns;
}

export const create = () => main();
