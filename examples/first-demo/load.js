// Process 2: a fresh process restores the blob and runs the story to its end.
import { readFileSync } from "node:fs";
import { restore } from "resumable-generators";
import { story, TEXT } from "./story.js"; // importing it registers the functions the blob refers to

const [blobPath] = process.argv.slice(2);
// `--uninterrupted` runs the story from the start, as the reference.
const gen = blobPath === "--uninterrupted" ? story(TEXT) : restore(readFileSync(blobPath, "utf8"));
for (;;) {
  const { value, done } = gen.next();
  if (done) {
    console.log(`  [pid ${process.pid}] returned ${JSON.stringify(value)}`);
    break;
  }
  console.log(`  [pid ${process.pid}] ${value}`);
}
