/**
 * Binary blobs built from text blobs, for tests and fuzzing: each framing
 * the runtime reads, with whatever (possibly mutated) graph the text holds.
 */
import { packJson } from "../../dist/runtime/packed-json.js";

const MAGIC = [0x89, 0x52, 0x47, 0x53, 0x0d, 0x0a, 0x1a, 0x0a];
const align = (n: number) => Math.ceil(n / 8) * 8;

/** MAGIC · header length · header · sections, every part starting at a multiple of 8 (runtime/envelope.ts). */
function frame(header: string, sections: readonly Uint8Array[]): Uint8Array {
  const headerBytes = Buffer.from(header, "utf8");
  let size = align(12 + headerBytes.length);
  for (const section of sections) size = align(size + section.length);
  const out = Buffer.alloc(size);
  out.set(MAGIC);
  out.writeUInt32LE(headerBytes.length, 8);
  out.set(headerBytes, 12);
  let offset = align(12 + headerBytes.length);
  for (const section of sections) {
    out.set(section, offset);
    offset = align(offset + section.length);
  }
  return out;
}

function split(text: string): { header: string; attachments: Buffer[] } {
  const [header = "", ...lines] = text.split("\n");
  return { header, attachments: lines.map((line) => Buffer.from(line, "base64")) };
}

/** Format version 2's binary framing: the text's header as is (the graph as JSON inside it), the attachments decoded. */
export function asVersion2Binary(text: string): Uint8Array {
  const { header, attachments } = split(text);
  return frame(header, attachments);
}

/**
 * Format version 3's framing, as snapshot({ binary: true }) writes it: the
 * header's graph packed after the header. A header that is not a JSON object
 * with a graph, or whose graph nests too deep to pack, is framed as version 2.
 */
export function asVersion3Binary(text: string): Uint8Array {
  const { header, attachments } = split(text);
  let envelope: unknown;
  try {
    envelope = JSON.parse(header);
  } catch {
    return frame(header, attachments);
  }
  if (typeof envelope !== "object" || envelope === null || !("graph" in envelope)) return frame(header, attachments);
  const { graph, ...rest } = envelope as Record<string, unknown>;
  let packed: Buffer;
  try {
    packed = Buffer.from(packJson(graph));
  } catch {
    return frame(header, attachments); // nested deeper than a packed graph may be
  }
  const version = rest["version"] === 2 ? 3 : rest["version"];
  return frame(JSON.stringify({ ...rest, version, packedGraph: packed.length }), [packed, ...attachments]);
}
