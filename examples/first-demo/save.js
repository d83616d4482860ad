// Process 1: run the story for a few steps, then save it and exit.
import { writeFileSync } from "node:fs";
import { snapshot } from "resumable-generators";
import { story, TEXT } from "./story.js";

const [blobPath, stepsText] = process.argv.slice(2);
const gen = story(TEXT);
for (let i = 0; i < Number(stepsText); i++) console.log(`  [pid ${process.pid}] ${gen.next().value}`);
const blob = snapshot(gen);
writeFileSync(blobPath, blob);
console.log(`  [pid ${process.pid}] saved ${blob.length} bytes to ${blobPath}`);
