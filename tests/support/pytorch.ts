/**
 * Runs the generated PyTorch code with a real Python: every snippet of a test file in ONE process
 * (tests/python/run_snippets.py), since importing torch takes a second or two. Each snippet runs as a
 * person would run it: its picture written as a PNG under the name it opens, its code unchanged; then
 * the variables it leaves (`y`, `max_pool`, …) are read back.
 *
 * Without torch the tests skip, saying so; in CI (`CI` set) they fail instead, since .ci/run installs it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';

/** Debian's python3-torch installs for this interpreter (the one on PATH may be another without torch). */
export const PYTHON = process.env.KERNELSCOPE_PYTHON ?? '/usr/bin/python3';
const DRIVER = fileURLToPath(new URL('../python/run_snippets.py', import.meta.url));

export interface Snippet {
  /** Unique; names the case in failures. */
  name: string;
  code: string;
  /** The file name the code opens (its `CodeImage.file`), and the RGB picture to write there. */
  imageFile?: string;
  image?: { shape: readonly [number, number, number]; data: readonly number[] };
  /** Harness Python run after the code, in its namespace (e.g. to run a model part by part). */
  after?: string;
  /** Variables to read back after the code has run; a dict `v` gives outputs `v.key`. */
  outputs: readonly string[];
  /** Only compile the code (Keras: TensorFlow is not in Debian); a syntax error is its error. */
  compileOnly?: boolean;
}

export interface PyArray {
  shape: number[];
  data: number[];
}

export type SnippetResult =
  | { printed: string; outputs: Record<string, PyArray>; error?: undefined }
  | { printed: string; error: string };

export type SnippetRun = { missing: string } | { missing?: undefined; results: Map<string, SnippetResult> };

const NON_FINITE: Record<string, number> = { inf: Infinity, '-inf': -Infinity, nan: NaN };

/** Runs every snippet in one Python process; `missing` when Python or torch, numpy, Pillow is not there. */
export async function runSnippets(snippets: readonly Snippet[]): Promise<SnippetRun> {
  const dir = await mkdtemp(join(tmpdir(), 'kernelscope-py-'));
  try {
    const manifest = {
      images: snippets.flatMap(({ imageFile, image }) =>
        imageFile && image ? [{ path: join(dir, imageFile), shape: image.shape, data: image.data }] : [],
      ),
      cases: snippets.map(({ name, code, after, outputs, compileOnly }) => ({
        name,
        dir,
        code,
        after,
        outputs,
        compileOnly,
      })),
    };
    const manifestPath = join(dir, 'manifest.json');
    const resultsPath = join(dir, 'results.json');
    await writeFile(manifestPath, JSON.stringify(manifest));
    try {
      await promisify(execFile)(PYTHON, [DRIVER, manifestPath, resultsPath], {
        timeout: 300_000,
        maxBuffer: 16 << 20,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: `no ${PYTHON}` };
      throw error;
    }
    const parsed = JSON.parse(await readFile(resultsPath, 'utf8')) as
      { missing: string } | { cases: Record<string, SnippetResult> };
    if ('missing' in parsed) return { missing: parsed.missing };
    for (const result of Object.values(parsed.cases)) {
      if (result.error !== undefined) continue;
      for (const array of Object.values(result.outputs)) {
        array.data = array.data.map((v) => (typeof v === 'string' ? (NON_FINITE[v] ?? NaN) : v));
      }
    }
    return { results: new Map(Object.entries(parsed.cases)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What to do when PyTorch is missing: in CI throw (a missing torch must not pass), elsewhere return the
 * note to skip with.
 */
export function torchMissingNote(missing: string): string {
  const how = `install Debian's python3-torch, python3-numpy and python3-pil (or set KERNELSCOPE_PYTHON)`;
  if (process.env.CI)
    throw new Error(`PyTorch is required in CI to run the generated code: ${missing}; ${how}`);
  const note = `skipped: the generated PyTorch code was not run (${missing}); ${how}`;
  // The reporter lists skipped tests without their note: say it once where a person sees it.
  if (!warned.has(note)) console.warn(note);
  warned.add(note);
  return note;
}

const warned = new Set<string>();

/** The snippet's outputs, failing with its traceback when it raised. */
export function outputsOf(result: SnippetResult | undefined, name: string): Record<string, PyArray> {
  expect(result, `${name}: no result from Python`).toBeDefined();
  const r = result as SnippetResult;
  if (r.error !== undefined) expect.fail(`${name}: the generated code raised\n${r.error}`);
  return r.outputs;
}

/** A PyTorch NCHW array [1, C, H, W] as the core's HWC layout [H, W, C]. */
export function nchwToHwc(array: PyArray): PyArray {
  const [n, c, h, w] = array.shape as [number, number, number, number];
  expect(n, 'batch').toBe(1);
  const data = new Array<number>(c * h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let m = 0; m < c; m++) data[(y * w + x) * c + m] = array.data[(m * h + y) * w + x] as number;
    }
  }
  return { shape: [h, w, c], data };
}

/**
 * The shapes the snippet printed against the ones its comments promise: each `print(…)  # torch.Size(…)`
 * line must print that size for every tensor it names.
 */
export function expectPrintedAsCommented(code: string, printed: string, label: string): void {
  const promised = [...code.matchAll(/^\s*print\(.*\)\s+#\s*(torch\.Size\(\[[^\]]*\]\))/gm)].map((m) => m[1]);
  const lines = printed.trimEnd().split('\n');
  expect(lines.length, `${label}: printed lines`).toBe(promised.length);
  promised.forEach((size, i) => {
    const sizes = lines[i]?.match(/torch\.Size\(\[[^\]]*\]\)/g) ?? [];
    expect(sizes.length, `${label}: line ${i + 1} prints shapes`).toBeGreaterThan(0);
    for (const s of sizes) expect(s, `${label}: printed line ${i + 1}`).toBe(size);
  });
}
