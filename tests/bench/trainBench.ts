/**
 * `npm run bench -- --train` (docs/benchmarks.md, "Training"): seconds per epoch of the default network
 * (3x3x8 ReLU max pool, 3x3x16 ReLU max pool, dense 10; batch 32, Adam) on Fashion-MNIST images 0-8999,
 * per backend, beside PyTorch on the same machine (tests/bench/trainTorch.py, one thread). Each column runs
 * in a child process: the built CLI (plain tsx cannot load tfjs-core's gradient modules), which prints an
 * epoch's training time apart from its held-out check. The cpu backend is timed on 20 batches and
 * extrapolated to the 282 of an epoch (a whole epoch takes about 12 minutes), and says so.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.join(repo, 'public/data/fashion-mnist');
const TRAIN_IMAGES = 9000;
const BATCH = 32;
const BATCHES_PER_EPOCH = Math.ceil(TRAIN_IMAGES / BATCH);
const CPU_BATCHES = 20;
/** Batches timed for webgl in the page (SwiftShader here: a whole epoch would take many minutes). */
const WEBGL_BATCHES = 10;

export const TRAIN_USAGE = `npm run bench -- --train [--epochs N] [--columns pytorch,wasm,cpu,page-wasm,page-webgl]
  one epoch (or N, averaged) of the default network on the 9,000 training images per column:
  wasm (the built CLI, our filter gradient), cpu (${CPU_BATCHES} batches, extrapolated), pytorch (python3, one
  thread), page-wasm (Chromium, a Web Worker as the page trains, one epoch), page-webgl (${WEBGL_BATCHES} batches,
  extrapolated)`;

interface Row {
  column: string;
  secondsPerEpoch: number | null;
  note: string;
}

function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The training seconds of each epoch line the CLI printed ("... 13.9 s (+0.4 s held-out)"). */
function epochSeconds(stdout: string): number[] {
  return [...stdout.matchAll(/^epoch \d+\/\d+ .* ([\d.]+) s \(\+[\d.]+ s held-out\)$/gm)].map((m) =>
    Number(m[1]),
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function cliColumn(backend: 'wasm' | 'cpu', epochs: number, work: string): Promise<Row> {
  const images = backend === 'cpu' ? CPU_BATCHES * BATCH : TRAIN_IMAGES;
  const args = [
    'bin/kernelscope.js',
    'train',
    '--backend',
    backend,
    '--epochs',
    String(backend === 'cpu' ? 1 : epochs),
  ];
  const result = await run(process.execPath, [
    ...args,
    '--images',
    String(images),
    '--out',
    path.join(work, `${backend}.json`),
  ]);
  const times = epochSeconds(result.stdout);
  if (result.code !== 0 || times.length === 0) {
    return {
      column: `Node ${backend}`,
      secondsPerEpoch: null,
      note: `failed: ${result.stderr.trim() || result.stdout.trim()}`,
    };
  }
  if (backend === 'cpu') {
    return {
      column: 'Node cpu',
      secondsPerEpoch: (times[0]! * BATCHES_PER_EPOCH) / CPU_BATCHES,
      note: `extrapolated from ${CPU_BATCHES} batches (${times[0]!.toFixed(1)} s)`,
    };
  }
  return {
    column: 'Node wasm',
    secondsPerEpoch: mean(times),
    note: `tfjs wasm + our Conv2DBackpropFilter; ${times.length} epoch(s): ${times.map((t) => t.toFixed(1)).join(', ')} s`,
  };
}

async function torchColumn(epochs: number): Promise<Row> {
  const result = await run('/usr/bin/python3', ['tests/bench/trainTorch.py', DATA_DIR, String(epochs)]);
  if (result.code !== 0) {
    return {
      column: 'PyTorch',
      secondsPerEpoch: null,
      note: `not run: ${result.stderr.trim().split('\n').at(-1)}`,
    };
  }
  const out = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
    secondsPerEpoch: number[];
    torch: string;
    threads: number;
  };
  return {
    column: 'PyTorch',
    secondsPerEpoch: mean(out.secondsPerEpoch),
    note: `torch ${out.torch}, ${out.threads} thread; ${out.secondsPerEpoch.map((t) => t.toFixed(2)).join(', ')} s`,
  };
}

interface PageTiming {
  backend?: string;
  batches?: number;
  seconds?: number;
  renderer?: string;
  error?: string;
}

/** The page's columns: tests/bench/trainPage.html in headless Chromium, training in a Web Worker. */
async function pageColumns(backends: Array<'wasm' | 'webgl'>): Promise<Row[]> {
  const server = await createServer({
    configFile: path.join(repo, 'vite.config.ts'),
    root: repo,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: false },
    optimizeDeps: { entries: ['tests/bench/trainPage.html'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('the dev server has no address');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const rows: Row[] = [];
  try {
    for (const backend of backends) {
      console.log(`  running page-${backend} ...`);
      const page = await browser.newPage();
      const batches = backend === 'webgl' ? WEBGL_BATCHES : 0;
      await page.goto(
        `http://127.0.0.1:${address.port}/tests/bench/trainPage.html?backend=${backend}&batches=${batches}`,
      );
      await page.waitForFunction(
        () => (window as unknown as { __trainBench?: unknown }).__trainBench,
        undefined,
        {
          timeout: 900_000,
        },
      );
      const t = (await page.evaluate(
        () => (window as unknown as { __trainBench: unknown }).__trainBench,
      )) as PageTiming;
      await page.close();
      if (t.error || !t.seconds || !t.batches) {
        rows.push({
          column: `page ${backend}`,
          secondsPerEpoch: null,
          note: `failed: ${t.error ?? 'no timing'}`,
        });
        continue;
      }
      const whole = t.batches === BATCHES_PER_EPOCH;
      rows.push({
        column: `page ${backend}`,
        secondsPerEpoch: (t.seconds * BATCHES_PER_EPOCH) / t.batches,
        note:
          `Chromium Web Worker on ${t.backend}` +
          (whole ? '' : `; extrapolated from ${t.batches} batches (${t.seconds.toFixed(1)} s)`) +
          (backend === 'webgl' ? `; renderer ${t.renderer}` : ''),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

export async function runTrainBench(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    console.log(TRAIN_USAGE);
    return;
  }
  const at = argv.indexOf('--epochs');
  const epochs = at >= 0 ? Math.max(1, Number(argv[at + 1])) : 1;
  const at2 = argv.indexOf('--columns');
  const columns =
    at2 >= 0 ? argv[at2 + 1]!.split(',') : ['pytorch', 'wasm', 'page-wasm', 'page-webgl', 'cpu'];
  console.log(
    `train bench: ${new Date().toISOString()}, CPU ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), Node ${process.version}`,
  );
  // The CLI as the source stands now.
  const build = await run(process.execPath, ['scripts/build-cli.mjs']);
  if (build.code !== 0) throw new Error(`build:cli failed: ${build.stderr}`);
  const work = mkdtempSync(path.join(tmpdir(), 'kernelscope-train-bench-'));
  const rows: Row[] = [];
  try {
    // One at a time: each column wants a core to itself.
    for (const column of columns) {
      if (!column.startsWith('page-')) console.log(`  running ${column} ...`);
      if (column === 'pytorch') rows.push(await torchColumn(epochs));
      else if (column === 'wasm' || column === 'cpu') rows.push(await cliColumn(column, epochs, work));
      else if (column === 'page-wasm' || column === 'page-webgl')
        rows.push(...(await pageColumns([column === 'page-wasm' ? 'wasm' : 'webgl'])));
      else throw new Error(`unknown column ${column} (pytorch, wasm, cpu, page-wasm, page-webgl)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const torch = rows.find((r) => r.column === 'PyTorch')?.secondsPerEpoch ?? null;
  const width = Math.max(...rows.map((r) => r.column.length), 'backend'.length);
  console.log(`\n${'backend'.padEnd(width)}  s/epoch  ÷ PyTorch  note`);
  for (const row of rows) {
    const s = row.secondsPerEpoch;
    const ratio = s !== null && torch ? `${(s / torch).toFixed(1)}×` : '–';
    console.log(
      `${row.column.padEnd(width)}  ${(s === null ? '–' : s.toFixed(2)).padStart(7)}  ${ratio.padStart(9)}  ${row.note}`,
    );
  }
  console.log(`goal (issue 14): the page's training <= 10× PyTorch per epoch`);
}
