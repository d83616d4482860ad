// An API client whose calls return custom thenables (not promises): one
// settles in a later turn, one settles twice (first wins), one rejects
// after a resolve attempt fails validation; the generator retries.
export const log = [];

const RESPONSES = { "/a": 1, "/b": 2, "/c": 3 };

function request(path, attempt) {
  return {
    then(onOk, onErr) {
      log.push(`then ${path}#${attempt}`);
      if (path === "/b" && attempt === 0) {
        Promise.resolve().then(() => onErr(new Error("timeout /b")));
        return;
      }
      if (path === "/c") {
        onOk({ status: 200, body: RESPONSES[path] });
        onErr(new Error("ignored"));
        return;
      }
      Promise.resolve()
        .then(() => null)
        .then(() => onOk({ status: 200, body: RESPONSES[path] }));
    },
  };
}

/* @resumable */
export async function* main(paths) {
  const results = {};
  for (const path of paths) {
    let attempt = 0;
    for (;;) {
      try {
        const res = await request(path, attempt);
        results[path] = res.body;
        break;
      } catch (e) {
        log.push(`${e.message}, retry`);
        if (++attempt > 2) throw e;
      }
    }
    const ctl = yield `${path} -> ${results[path]}`;
    if (ctl === "stop") break;
  }
  return results;
}

export const create = () => main(["/a", "/b", "/c"]);
