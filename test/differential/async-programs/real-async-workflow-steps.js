// A workflow runner: the steps are resumable async generator functions
// kept in a list (saved by function id), each gets a shared context, can
// ask for input, fail and be retried once, or be skipped by a command.
export const log = [];

/* @resumable */
export async function* provision(ctx) {
  await null;
  ctx.vm = `vm-${ctx.attempts.provision ?? 0}`;
  yield `provisioned ${ctx.vm}`;
}

/* @resumable */
export async function* configure(ctx) {
  const answer = yield "configure: which profile?";
  ctx.profile = (await Promise.resolve(answer)) ?? "default";
  if ((ctx.attempts.configure ?? 0) === 0 && ctx.profile === "bad") throw new Error("bad profile");
  yield `configured ${ctx.profile}`;
}

/* @resumable */
export async function* deploy(ctx) {
  for (let i = 1; i <= 2; i++) {
    await Promise.resolve();
    yield `deploy ${ctx.vm} ${i}/2`;
  }
  return "deployed";
}

/* @resumable */
export async function* main() {
  const steps = [provision, configure, deploy];
  const ctx = { attempts: {} };
  const report = [];
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    try {
      const r = yield* step(ctx);
      report.push(`${step.name}:${r ?? "ok"}`);
    } catch (e) {
      ctx.attempts[step.name] = (ctx.attempts[step.name] ?? 0) + 1;
      log.push(`${step.name} failed: ${e.message}`);
      if (ctx.attempts[step.name] < 2) s--;
      else report.push(`${step.name}:failed`);
    }
  }
  return report.join(" ");
}

export const create = () => main();
export const sends = [undefined, 1, "bad", 3, "good", 5, 6, 7, 8, 9];
