/**
 * Word ids, assigned in order of first appearance in the stream. The
 * vocabulary grows while the stream runs, so it is part of the state a
 * checkpoint must hold: the examples generator adds to it and the trainer
 * reads it, through one shared object that stays shared after loading.
 */
import { registerClass } from "resumable-generators";
import { isNoun } from "./corpus.ts";

export class Vocabulary {
  ids = new Map<string, number>();
  words: string[] = [];
  /** 1 where the word with that id is a noun. */
  nouns: number[] = [];

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.nouns.push(isNoun(word) ? 1 : 0);
    }
    return id;
  }

  isNoun(id: number): boolean {
    return this.nouns[id] === 1;
  }

  get size(): number {
    return this.words.length;
  }
}

// No save/load hooks: the snapshot saves the instance's own fields (a Map
// and two arrays). The id is what the checkpoint records; keep it stable.
registerClass(Vocabulary, { id: "training-stream.Vocabulary" });
