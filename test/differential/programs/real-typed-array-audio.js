// An audio processing loop: a ring buffer in a Float32Array, a DataView header over a shared
// ArrayBuffer, Int16 PCM conversion, and a moving average yielded per block.
export const log = [];

/* @resumable */
export function* main(blockSize, blocks) {
  const header = new ArrayBuffer(12);
  const view = new DataView(header);
  view.setUint32(0, 0x52494646, false);
  view.setUint16(4, blockSize, true);
  const bytes = new Uint8Array(header);
  const ring = new Float32Array(blockSize * 2);
  let writePos = 0;
  let phase = 0;
  for (let b = 0; b < blocks; b++) {
    const gain = (yield { block: b, avg: 0 }) ?? 1;
    const pcm = new Int16Array(blockSize);
    let sum = 0;
    for (let i = 0; i < blockSize; i++) {
      const sample = Math.sin(phase) * (typeof gain === "number" ? gain : 1);
      phase += 0.3;
      ring[writePos] = sample;
      writePos = (writePos + 1) % ring.length;
      pcm[i] = Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
      sum += Math.abs(ring[(writePos + ring.length - 1) % ring.length]);
    }
    view.setUint32(8, b + 1, true);
    yield { block: b, avg: Math.round((sum / blockSize) * 1000) / 1000, first: pcm[0], last: pcm.at(-1) };
  }
  log.push(Array.from(bytes), ring.subarray(0, 4).length, view.getUint32(8, true));
  return Array.from(ring.slice(0, 3), (x) => Math.round(x * 1e4));
}

export const create = () => main(8, 4);
export const sends = [undefined, 1, 0.5, 2, 2, 0.25, 1];
