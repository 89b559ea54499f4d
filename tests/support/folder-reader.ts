/**
 * Reads a built bundle from a folder in Node, the way the extension reads its package over
 * fetch: the file's bytes, or null when it is not there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleReader } from '@/lib/archive/package-file';

export function readerFor(dir: string): BundleReader {
  return async (path) => {
    try {
      return new Uint8Array(readFileSync(join(dir, path)));
    } catch {
      return null;
    }
  };
}
