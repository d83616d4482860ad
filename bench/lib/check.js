/** The three flavours of every benchmark generator yield the same values, or the comparison means nothing. */
export function checkFlavoursAgree(stepping, warmup) {
  const take = (gen, limit = 5000) => {
    const out = [];
    for (let step = gen.next(); !step.done && out.length < limit; step = gen.next()) out.push(JSON.stringify(step.value));
    return out.join(",");
  };
  const text = Array.from({ length: 10 }, (_, i) => `line ${i}`);
  const calls = [
    ["counter", (m) => m.counter(50)],
    ["guarded", (m) => m.guarded(50)],
    ["doubled", (m) => m.doubled([1, 2, 3, 4])],
    ["eachSigned", (m) => m.eachSigned([1, 2, 3])],
    ["batches", (m) => m.batches(text, 3, 4)],
    ...Object.keys(warmup.native).map((name) => [name, () => null]),
  ];
  for (const [name, call] of calls) {
    const pick = (flavour) => (name in stepping.native ? call(stepping[flavour]) : warmup[flavour][name](40));
    const native = take(pick("native"));
    for (const flavour of ["ours", "regen"]) {
      if (take(pick(flavour)) !== native) throw new Error(`bench: ${flavour} ${name} does not yield what the native generator yields`);
    }
  }
}
