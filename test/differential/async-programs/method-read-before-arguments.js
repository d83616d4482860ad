// A method call whose arguments await or yield reads the method before the
// arguments, as native code does: a getter runs before the await, and a
// method replaced while the arguments are evaluated is not the one called.
export const log = [];

function makeSink() {
  const sink = {
    get write() {
      log.push("read write");
      return (x) => log.push(`write ${x}`);
    },
    flush(x) {
      log.push(`old flush ${x}`);
    },
  };
  return sink;
}

/* @resumable */
export async function* main() {
  const results = [];
  results.push(await Promise.resolve("awaited"));
  results.push(yield "yielded");
  const sink = makeSink();
  sink.write(await Promise.resolve(1));
  sink.flush(
    await Promise.resolve().then(() => {
      sink.flush = (x) => log.push(`new flush ${x}`);
      return 2;
    }),
  );
  log.push(results);
  return results.length;
}

export const create = () => main();
export const sends = [undefined, "sent"];
