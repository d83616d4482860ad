// A Markdown-to-HTML renderer: block parsing per line with a state machine, nested lists
// rendered through recursive yield*, inline formatting with regex replace callbacks, and
// HTML escaping through a lookup table; each block is yielded as it is finished.
export const log = [];

const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function inline(text) {
  return text
    .replace(/[&<>"]/g, (c) => ESC[c])
    .replace(/\*\*(.+?)\*\*/g, (_, b) => `<b>${b}</b>`)
    .replace(/`([^`]+)`/g, (_, code) => `<code>${code}</code>`)
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label, href) => `<a href="${href}">${label}</a>`);
}

/* @resumable */
function* list(items, depth) {
  let html = `${"  ".repeat(depth)}<ul>`;
  for (const item of items) {
    html += `<li>${inline(item.text)}`;
    if (item.children.length) html += yield* list(item.children, depth + 1);
    html += "</li>";
  }
  html += "</ul>";
  yield { depth, html };
  return html;
}

/* @resumable */
export function* main(source) {
  const lines = source.split("\n");
  let paragraph = [];
  let stack = null;
  let blocks = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = i < lines.length ? lines[i] : "";
    const bullet = /^(\s*)[-*] (.*)$/.exec(line);
    if (bullet) {
      if (paragraph.length) {
        yield `<p>${inline(paragraph.join(" "))}</p>`;
        paragraph = [];
        blocks++;
      }
      const depth = bullet[1].length >> 1;
      stack ??= [{ children: [] }];
      stack.length = Math.min(stack.length, depth + 1);
      const item = { text: bullet[2], children: [] };
      stack[stack.length - 1].children.push(item);
      stack.push(item);
      continue;
    }
    if (stack) {
      yield* list(stack[0].children, 0);
      stack = null;
      blocks++;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading || line.trim() === "") {
      if (paragraph.length) {
        yield `<p>${inline(paragraph.join(" "))}</p>`;
        paragraph = [];
        blocks++;
      }
      if (heading) {
        yield `<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`;
        blocks++;
      }
      continue;
    }
    paragraph.push(line.trim());
  }
  log.push(blocks);
  return blocks;
}

export const create = () =>
  main(`# Title & "intro"
Some **bold** text with \`code\`
and a [link](http://x.y).

- one
- two
  - two.a
  - two.b
    - deep
- three
## End`);
// `bullet`/`heading` (RegExp match arrays) are not live at the yields; the list stack is plain data
