/**
 * Fashion-MNIST from disk for Node (the command line, the tests, the bench): the two gzipped IDX files
 * the page fetches from public/data/fashion-mnist, found from this file's place in the package (src/cli
 * when run from source, dist-cli when built) or in `dir`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { FASHION_MNIST_FILES, parseFashionMnist, type FashionMnist } from '../train/fashionMnist.ts';

/** The package's public/ folder: the first one up from here that holds the data. */
function publicDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'public');
    if (existsSync(join(candidate, FASHION_MNIST_FILES.images))) return candidate;
    const up = resolve(dir, '..');
    if (up === dir)
      throw new Error('Fashion-MNIST not found: no public/data/fashion-mnist above the program');
    dir = up;
  }
}

/** Reads and parses the data; `dir` holds the two .gz files (default: the package's own copy). */
export function loadFashionMnist(dir?: string): FashionMnist {
  const base = dir ?? join(publicDir(), 'data', 'fashion-mnist');
  const read = (file: string) => new Uint8Array(gunzipSync(readFileSync(join(base, file.split('/').pop()!))));
  return parseFashionMnist(read(FASHION_MNIST_FILES.images), read(FASHION_MNIST_FILES.labels));
}
