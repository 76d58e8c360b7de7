/**
 * Runs a whole generated TensorFlow.js snippet in Node as a person runs it in a browser: its one import is
 * replaced by tfjs-core (the backend in use), and its `new Image()` reads the picture given here; it
 * decodes to the same pixels a browser's `tf.browser.fromPixels` would see. Returns the named top-level
 * constants it leaves and what it logged.
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

const IMPORT = "import * as tf from '@tensorflow/tfjs';\n";

type AsyncFn = (...args: unknown[]) => Promise<Record<string, unknown>>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncFn;

export interface Picture {
  file: string;
  shape: readonly [number, number, number];
  data: readonly number[];
}

/** A stand-in for the DOM's Image: `src` must name the picture; `decode()` gives it as RGBA pixel data. */
function imageClass(picture: Picture) {
  return class {
    src = '';
    width = 0;
    height = 0;
    data = new Uint8Array(0);
    async decode(): Promise<void> {
      expect(this.src, 'the snippet opens its picture').toBe(picture.file);
      const [h, w] = picture.shape;
      this.width = w;
      this.height = h;
      this.data = new Uint8Array(h * w * 4);
      for (let i = 0; i < h * w; i++) {
        for (let c = 0; c < 3; c++) this.data[i * 4 + c] = picture.data[i * 3 + c] as number;
        this.data[i * 4 + 3] = 255;
      }
    }
  };
}

/**
 * Runs `code` and returns the values of `names` (top-level constants) and the logged lines; every tensor
 * it made is disposed when `use` returns.
 */
export async function runTfjsSnippet<T>(
  code: string,
  picture: Picture,
  names: readonly string[],
  use: (values: Record<string, unknown>, logged: unknown[][]) => Promise<T>,
): Promise<T> {
  expect(code.split(IMPORT).length, 'the snippet imports tfjs once').toBe(2);
  const body = `${code.replace(IMPORT, '')}\nreturn { ${names.join(', ')} };`;
  const logged: unknown[][] = [];
  const console = { log: (...args: unknown[]) => logged.push(args) };
  tf.engine().startScope();
  try {
    const values = await new AsyncFunction('tf', 'Image', 'console', body)(tf, imageClass(picture), console);
    return await use(values, logged);
  } finally {
    tf.engine().endScope();
  }
}

/** Each `console.log(…); // [shape]` line must log that shape for every value it names. */
export function expectLoggedAsCommented(code: string, logged: unknown[][], label: string): void {
  const promised = [...code.matchAll(/^console\.log\(.*\); \/\/ (\[[\d, ]*\])$/gm)].map((m) => m[1]);
  expect(logged.length, `${label}: logged lines`).toBe(promised.length);
  promised.forEach((shape, i) => {
    for (const value of logged[i] ?? []) {
      expect(JSON.stringify(value).replaceAll(',', ', '), `${label}: logged line ${i + 1}`).toBe(shape);
    }
  });
}
