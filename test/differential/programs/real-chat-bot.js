// A chat bot dialogue: intents matched with regexes, sub-dialogues via yield* that return
// slot values, validation loops, and errors thrown in by the host (timeouts) caught per slot.
export const log = [];

class Timeout extends Error {}

/* @resumable */
function* askSlot(question, pattern, retries) {
  for (let attempt = 0; attempt <= retries; attempt++) {
    let answer;
    try {
      answer = yield attempt === 0 ? question : `Sorry, ${question.toLowerCase()}`;
    } catch (e) {
      log.push(`timeout on ${question}`);
      if (!(e instanceof Timeout) && attempt === retries) throw e;
      continue;
    }
    const m = typeof answer === "string" ? answer.trim().match(pattern) : null;
    if (m) return m[1] ?? m[0];
  }
  return null;
}

/* @resumable */
function* bookTable() {
  const people = yield* askSlot("How many people?", /^(\d{1,2})$/, 2);
  if (people === null) return "booking abandoned";
  const time = yield* askSlot("What time?", /^(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)$/i, 1);
  return time ? `table for ${people} at ${time}` : "booking abandoned";
}

/* @resumable */
export function* main() {
  const transcript = [];
  let utterance = yield "Hi! How can I help?";
  while (typeof utterance === "string" && !/^(bye|quit)/i.test(utterance)) {
    let reply;
    if (/book|table|reserve/i.test(utterance)) reply = yield* bookTable();
    else if (/hours?|open/i.test(utterance)) reply = "We open at 5pm.";
    else reply = `I didn't get "${utterance}".`;
    transcript.push(reply);
    utterance = yield reply;
  }
  log.push(transcript);
  return transcript.length;
}

export const create = () => main();
export const sends = [undefined, "Can I book a table?", "lots", "4", "later", "7:30 pm", "hours?", "sing", "bye"];
