import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CorruptRecordError, MAX_INFLATION } from '@/lib/archive/package-file';
import { adler32, packJson, unpackJsonWith } from '@/lib/archive/packed-json';

const dictionary = new TextEncoder().encode('the episode transcript says what the speakers said, word for word. ');
const value = {
  v: 2,
  items: [
    [0, 'the speakers said it, word for word'],
    [1, 'Ünïcode “quotes” too'],
  ],
};

describe('JSON packed against a dictionary (the records’ files)', () => {
  it('round-trips, and the dictionary makes small files smaller', () => {
    const packed = packJson(value, dictionary);
    expect(unpackJsonWith(packed, dictionary, 'file')).toEqual(value);
    const without = deflateSync(JSON.stringify(value), { level: 9 });
    expect(packed.length - 4).toBeLessThan(without.length);
  });

  it('reads what Node’s zlib packs, as the build does', () => {
    const packed = packJson(value, dictionary, (bytes, dict) => deflateSync(bytes, { level: 9, dictionary: dict }));
    expect(unpackJsonWith(packed, dictionary, 'file')).toEqual(value);
  });

  it('computes Adler-32 as zlib does', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(new Uint8Array(0))).toBe(1);
    // Past the 5552 bytes after which the sums must be reduced.
    expect(adler32(new Uint8Array(100_000).fill(255))).toBe(0x149a302c);
  });

  it('refuses another dictionary, damage, truncation and a forged size, with a clear error', () => {
    const packed = packJson(value, dictionary);
    const flipped = packed.slice();
    flipped[flipped.length - 8] = (flipped[flipped.length - 8] as number) ^ 0x55;
    const forged = packed.slice();
    new DataView(forged.buffer).setUint32(0, packed.length * MAX_INFLATION + 1, true);
    const shorter = packed.slice();
    new DataView(shorter.buffer).setUint32(0, 10, true);
    const json = JSON.stringify(value);
    const noDictionary = new Uint8Array([0, 0, 0, 0, ...deflateSync(json)]);
    new DataView(noDictionary.buffer).setUint32(0, new TextEncoder().encode(json).length, true);
    for (const [bytes, dict, message] of [
      [packed, new TextEncoder().encode('another dictionary'), /dictionary/],
      [noDictionary, dictionary, /dictionary/],
      [flipped, dictionary, /inflate|zlib/],
      [packed.subarray(0, packed.length - 3), dictionary, /inflate|zlib/],
      [forged, dictionary, /declares/],
      [shorter, dictionary, /declares/],
      [new Uint8Array(3), dictionary, /too short/],
    ] as const) {
      expect(() => unpackJsonWith(bytes, dict, 'file')).toThrow(CorruptRecordError);
      expect(() => unpackJsonWith(bytes, dict, 'file')).toThrow(message);
    }
  });
});
