// A game cutscene: a director script runs sub-scripts via yield*, waits on timers
// (ticks), and receives dialogue choices through next(value).
export const log = [];

/* @resumable */
function* wait(ticks) {
  for (let t = ticks; t > 0; t--) yield { kind: "wait", left: t };
}

/* @resumable */
function* say(speaker, line) {
  log.push(`${speaker}: ${line}`);
  yield { kind: "say", speaker, line };
  yield* wait(line.length > 12 ? 2 : 1);
}

/* @resumable */
function* choose(prompt, options) {
  let picked;
  let attempts = 0;
  do {
    picked = yield { kind: "choice", prompt, options: [...options], attempts };
    attempts++;
    if (typeof picked === "number") picked = options[picked % options.length];
  } while (!options.includes(picked) && attempts < 3);
  return options.includes(picked) ? picked : options[0];
}

/* @resumable */
function* shopScene(gold) {
  yield* say("Merchant", "Welcome, traveller!");
  const item = yield* choose("Buy what?", ["sword", "shield", "nothing"]);
  switch (item) {
    case "sword":
      gold -= 30;
    // fall through: the sword comes with a free pitch
    case "shield":
      gold -= 10;
      yield* say("Merchant", `A fine ${item}. ${gold} gold left.`);
      break;
    default:
      yield* say("Merchant", "Come again.");
  }
  return gold;
}

/* @resumable */
export function* main(hero) {
  const flags = new Set();
  let gold = 50;
  yield* say(hero, "Where am I?");
  yield* wait(2);
  gold = yield* shopScene(gold);
  flags.add(gold < 50 ? "bought" : "browsed");
  const answer = yield* choose("Leave town?", ["yes", "no"]);
  if (answer === "no") {
    yield* say(hero, "I'll stay a while.");
    flags.add("stayed");
  }
  log.push([...flags]);
  return { gold, flags: [...flags].sort() };
}

export const create = () => main("Ada");
export const sends = [undefined, 1, 2, 3, 4, 5, "sword", 7, 8, 9, 10, 11, "no", 13, 14, 15, 16];
