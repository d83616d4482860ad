// A recurring-meeting planner: Date arithmetic in UTC, skipping weekends and holidays,
// with dates held across yields and an invalid date along the way.
export const log = [];

const HOLIDAYS = new Set(["2024-12-25", "2025-01-01"]);

/* @resumable */
export function* main(startIso, count) {
  const cursor = new Date(startIso);
  const scheduled = [];
  const bad = new Date("not a date");
  while (scheduled.length < count) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    const day = cursor.getUTCDay();
    const iso = cursor.toISOString().slice(0, 10);
    if (day === 0 || day === 6) continue;
    if (HOLIDAYS.has(iso)) {
      yield `skip holiday ${iso}`;
      continue;
    }
    const answer = yield `propose ${iso}`;
    if (answer === "decline") continue;
    scheduled.push(new Date(cursor.getTime()));
  }
  log.push(Number.isNaN(bad.getTime()), String(bad));
  return scheduled.map((d) => d.toISOString());
}

export const create = () => main("2024-12-20T09:30:00.000Z", 6);
export const sends = [undefined, "ok", "decline", "ok"];
