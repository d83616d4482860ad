// A workflow engine: steps with retries, compensation in finally blocks and
// labeled breaks out of the step loop; the driver's sends are the step outcomes.
export const log = [];

const STEPS = [
  { name: "reserve", retries: 2, undo: "release" },
  { name: "charge", retries: 1, undo: "refund" },
  { name: "ship", retries: 0, undo: null },
  { name: "notify", retries: 3, undo: null },
];

class StepFailed extends Error {
  constructor(step, attempt) {
    super(`${step} failed (attempt ${attempt})`);
    this.name = "StepFailed";
  }
}

/* @resumable */
export function* main(orderId) {
  const done = [];
  const compensations = [];
  let status = "running";
  run: for (let i = 0; i < STEPS.length; i++) {
    const { name, retries, undo } = STEPS[i];
    let attempt = 0;
    retry: while (true) {
      try {
        const outcome = yield { orderId, step: name, attempt };
        if (outcome === "abort") {
          status = "aborted";
          break run;
        }
        if (outcome === "skip") continue run;
        if (typeof outcome === "number" && outcome % 3 === 0) throw new StepFailed(name, attempt);
        done.push(name);
        if (undo) compensations.unshift(undo);
        break retry;
      } catch (error) {
        log.push(error instanceof StepFailed ? error.message : `other: ${error?.message ?? error}`);
        if (attempt++ >= retries) {
          status = `failed at ${name}`;
          break run;
        }
      } finally {
        log.push(`leave ${name}#${attempt}`);
      }
    }
  }
  if (status !== "running") {
    try {
      for (const undo of compensations) {
        const ack = yield { orderId, compensate: undo };
        log.push(`${undo}: ${ack ?? "ok"}`);
      }
    } finally {
      log.push("compensation finished");
    }
  } else {
    status = "completed";
  }
  return { status, done };
}

export const create = () => main("o-17");
export const sends = [undefined, 1, 3, 2, 6, 4, 9, 12, 5, "x", "y"];
