import { endianness } from 'node:os';

/** Posting lists as little-endian int32 blobs: compact, and decoded without parsing. */
export function encodeInts(values: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(values.length * 4);
  values.forEach((v, i) => buffer.writeInt32LE(v, i * 4));
  return buffer;
}

const LITTLE_ENDIAN = endianness() === 'LE';

export function decodeInts(blob: Uint8Array): Int32Array {
  // On little-endian machines (x86, ARM) the bytes are already the array: one copy, no loop.
  if (LITTLE_ENDIAN) return new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.length));
  const out = new Int32Array(blob.length / 4);
  const view = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  for (let i = 0; i < out.length; i++) out[i] = view.readInt32LE(i * 4);
  return out;
}
