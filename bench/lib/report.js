/**
 * The targets of the performance issue, checked against one run's results,
 * and the printed report (Markdown tables, so BENCHMARKS.md can quote it).
 */

const fmt = {
  ns: (ns) =>
    ns >= 1e9
      ? `${(ns / 1e9).toFixed(2)} s`
      : ns >= 1e6
        ? `${(ns / 1e6).toFixed(2)} ms`
        : ns >= 1e3
          ? `${(ns / 1e3).toFixed(1)} µs`
          : `${ns.toFixed(1)} ns`,
  // Near 1 a third decimal shows which side of the target a ratio is on.
  x: (r) => `${r >= 100 ? r.toFixed(0) : Math.abs(r - 1) < 0.005 ? r.toFixed(3) : r.toFixed(2)}×`,
  bytes: (b) => `${Math.round(b).toLocaleString("en-US")} B`,
  count: (n) => (n >= 1e3 ? `1e${Math.round(Math.log10(n))}` : String(n)),
};

function target(list, section, name, value, limit, pass, shown) {
  list.push({ section, name, value, limit, pass, shown });
}

export function evaluateTargets(results) {
  const list = [];
  // The stepping targets, written for sync generators, applied to async ones too.
  for (const [key, section] of [
    ["stepping", "stepping"],
    ["asyncStepping", "async stepping"],
  ]) {
    if (!results[key]) continue;
    for (const c of Object.values(results[key])) {
      const r = c.ratios;
      target(
        list,
        section,
        `${c.label}: ours/native ≤ 1.5`,
        r.oursToNative.median,
        1.5,
        r.oursToNative.median <= 1.5,
        fmt.x(r.oursToNative.median),
      );
      target(
        list,
        section,
        `${c.label}: faster than regenerator (ours/regen < 1)`,
        r.oursToRegen.median,
        1,
        r.oursToRegen.median < 1,
        fmt.x(r.oursToRegen.median),
      );
    }
  }
  if (results.snapshot) {
    const rows = results.snapshot.positions;
    const first = rows[0];
    const last = rows[rows.length - 1];
    const growth = last.toFirstPosition;
    const blobGrowth = last.blobBytes - first.blobBytes;
    target(
      list,
      "snapshot",
      `snapshot+restore flat from ${fmt.count(first.position)} to ${fmt.count(last.position)} (time ratio ≤ 1.5)`,
      growth,
      1.5,
      growth <= 1.5,
      fmt.x(growth),
    );
    target(
      list,
      "snapshot",
      `blob size flat from ${fmt.count(first.position)} to ${fmt.count(last.position)} (grows ≤ 64 B: wider numbers only)`,
      blobGrowth,
      64,
      blobGrowth <= 64,
      `+${blobGrowth} B`,
    );
    const at1e6 = rows.find((row) => row.position === 1e6);
    if (at1e6)
      target(
        list,
        "snapshot",
        "replay/ours ≥ 1,000 at 1e6",
        at1e6.replayToOurs,
        1000,
        at1e6.replayToOurs >= 1000,
        fmt.x(at1e6.replayToOurs),
      );
    const worstFloor = Math.max(...rows.map((row) => row.oursToFloor));
    target(list, "snapshot", "snapshot+restore ≤ 3× JSON floor (worst position)", worstFloor, 3, worstFloor <= 3, fmt.x(worstFloor));
    const biggest = Math.max(...rows.map((row) => row.blobBytes));
    target(list, "snapshot", "blob ≤ 2 KB", biggest, 2048, biggest <= 2048, fmt.bytes(biggest));
  }
  if (results.memory) {
    for (const m of Object.values(results.memory)) {
      target(list, "memory", `${m.label}: ours/native ≤ 2`, m.oursToNative, 2, m.oursToNative <= 2, fmt.x(m.oursToNative));
    }
  }
  if (results.compile) {
    const a = results.compile.annotated.oursToRegen.median;
    const u = results.compile.unannotated.withToWithout.median;
    target(list, "compile", "annotated file: ours/regenerator ≤ 1.5", a, 1.5, a <= 1.5, fmt.x(a));
    target(list, "compile", "unannotated file: with plugin ≤ 1.05× without", u, 1.05, u <= 1.05, fmt.x(u));
  }
  if (results.codec) {
    const c = results.codec;
    const v8Limits = { smallFrame: 2, sharedMap: 2, float64Array: 1 };
    // Against node:v8, the faster of our two forms for that input (text for
    // small graphs, binary for bytes), named; against devalue's text, our text.
    for (const [key, limit] of Object.entries(v8Limits)) {
      if (!c[key]) continue;
      const { textToV8, binaryToV8 } = c[key].ratios;
      const [form, r] = binaryToV8.median < textToV8.median ? ["binary", binaryToV8.median] : ["text", textToV8.median];
      target(list, "codec", `${c[key].label}: ours (${form})/node:v8 ≤ ${limit}`, r, limit, r <= limit, fmt.x(r));
    }
    for (const entry of Object.values(c)) {
      const r = entry.ratios.textToDevalue.median;
      target(list, "codec", `${entry.label}: faster than devalue (ours (text)/devalue < 1)`, r, 1, r < 1, fmt.x(r));
    }
  }
  return list;
}

function table(header, rows) {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((h, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

export function formatReport(results) {
  const out = [];
  const m = results.meta;
  out.push(
    `Node ${m.node} (V8 ${m.v8}), ${m.cpu}, ${m.cores} cores; commit ${m.commit ?? "?"}; ${m.quick ? "QUICK run; " : ""}` +
      `load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd?.[0] ?? "?"} at end; ${m.seconds ?? "?"} s.`,
  );
  for (const [key, heading] of [
    ["stepping", "1. Stepping: ns per next() (median of paired rounds; ratios are medians of per-round ratios)"],
    ["asyncStepping", "1b. Async stepping: ns per `await next()` (as in 1.)"],
  ]) {
    if (!results[key]) continue;
    out.push("", `### ${heading}`, "");
    out.push(
      table(
        ["case", "native", "ours", "regenerator", "ours/native", "ours/regen", "regen/native"],
        Object.values(results[key]).map((c) => [
          c.label,
          fmt.ns(c.nsPerNext.native.median),
          fmt.ns(c.nsPerNext.ours.median),
          fmt.ns(c.nsPerNext.regen.median),
          fmt.x(c.ratios.oursToNative.median),
          fmt.x(c.ratios.oursToRegen.median),
          fmt.x(c.ratios.regenToNative.median),
        ]),
      ),
    );
  }
  if (results.snapshot) {
    const s = results.snapshot;
    out.push("", `### 2. Snapshot + restore of pipeline (b) (one item = one batch of ${s.window} lines)`, "");
    out.push(
      table(
        [
          "items",
          "blob",
          "snapshot",
          "restore",
          "ours (both)",
          "vs first row",
          "JSON floor",
          "ours/floor",
          "the blob's JSON",
          "ours/blob's JSON",
          "replay (native)",
          "replay/ours",
        ],
        s.positions.map((row) => [
          fmt.count(row.position),
          fmt.bytes(row.blobBytes),
          fmt.ns(row.snapshotNs),
          fmt.ns(row.restoreNs),
          fmt.ns(row.roundTripNs),
          fmt.x(row.toFirstPosition),
          fmt.ns(row.floorNs),
          fmt.x(row.oursToFloor),
          row.blobJsonNs === undefined ? "–" : fmt.ns(row.blobJsonNs),
          row.oursToBlobJson === undefined ? "–" : fmt.x(row.oursToBlobJson),
          fmt.ns(row.replayNs),
          fmt.x(row.replayToOurs),
        ]),
      ),
    );
  }
  if (results.memory) {
    out.push("", "### 3. Heap bytes per suspended generator (100,000 alive; median of child processes)", "");
    out.push(
      table(
        ["case", "native", "ours", "regenerator", "ours/native"],
        Object.values(results.memory).map((row) => [
          row.label,
          fmt.bytes(row.bytes.native.median),
          fmt.bytes(row.bytes.ours.median),
          row.bytes.regen ? fmt.bytes(row.bytes.regen.median) : "–",
          fmt.x(row.oursToNative),
        ]),
      ),
    );
  }
  if (results.compile) {
    const c = results.compile;
    out.push("", `### 4. Compile time: transformSync of a ${c.lines}-line module with ${c.generators} generators`, "");
    out.push(
      table(
        ["file", "A", "B", "A/B"],
        [
          [
            `annotated: A = ours, B = regenerator`,
            fmt.ns(c.annotated.ns.ours.median),
            fmt.ns(c.annotated.ns.regen.median),
            fmt.x(c.annotated.oursToRegen.median),
          ],
          [
            `unannotated: A = Babel + our plugin, B = Babel alone`,
            fmt.ns(c.unannotated.ns.withPlugin.median),
            fmt.ns(c.unannotated.ns.without.median),
            fmt.x(c.unannotated.withToWithout.median),
          ],
        ],
      ),
    );
  }
  if (results.codec) {
    out.push("", "### 5. Value codec: encode → blob (text or binary) → decode", "");
    out.push(
      table(
        [
          "input",
          "ours text",
          "ours binary",
          "node:v8",
          "devalue",
          "binary/v8",
          "text/devalue",
          "text/v8",
          "graph alone",
          "graph alone/v8",
        ],
        Object.values(results.codec).map((row) => [
          row.label,
          fmt.ns(row.ns.oursText.median),
          fmt.ns(row.ns.oursBinary.median),
          fmt.ns(row.ns.v8.median),
          fmt.ns(row.ns.devalue.median),
          fmt.x(row.ratios.binaryToV8.median),
          fmt.x(row.ratios.textToDevalue.median),
          fmt.x(row.ratios.textToV8.median),
          fmt.ns(row.ns.oursNoText.median),
          fmt.x(row.ratios.oursNoTextToV8.median),
        ]),
      ),
    );
    for (const row of Object.values(results.codec)) {
      if (!row.ratios.binaryToV8Independent) continue;
      out.push(
        "",
        `${row.label}: node:v8 with an independent copy of its result (\`.slice()\`, as a restore of ours is independent of its blob) ` +
          `${fmt.ns(row.ns.v8Independent.median)}; ours binary / that: ${fmt.x(row.ratios.binaryToV8Independent.median)} (no target).`,
      );
    }
  }
  const targets = results.targets ?? [];
  const missed = targets.filter((t) => !t.pass).length;
  out.push("", `### Targets: ${targets.length - missed} PASS, ${missed} MISS`, "");
  out.push(
    table(
      ["", "target", "measured"],
      targets.map((t) => [t.pass ? "PASS" : "**MISS**", `${t.section}: ${t.name}`, t.shown]),
    ),
  );
  return out.join("\n");
}
