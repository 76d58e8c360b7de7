/**
 * `kernelscope train` (docs/cli.md) run for real with plain Node on the built CLI: a short run prints
 * per-epoch lines then `held-out accuracy: 0.xxxx` last, and that number is what this test recomputes from
 * the written JSON alone with plain loops (tests/reference/convLoop.ts, not src/core or tfjs); bad flags
 * exit 2 with one line on stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '../../src/cli/fashionData.ts';
import { HELD_OUT_RANGE, IMAGE_PIXELS, IMAGE_SIZE } from '../../src/train/fashionMnist.ts';
import { parseModel, type TrainedModel } from '../../src/train/model.ts';
import { referenceNetwork, type ReferenceNetworkLayer } from '../reference/convLoop.ts';

const BIN = fileURLToPath(new URL('../../bin/kernelscope.js', import.meta.url));
const BUILD_CLI = fileURLToPath(new URL('../../scripts/build-cli.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let work: string;

function runNode(args: string[], cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, KERNELSCOPE_DEBUG: '', NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const train = (args: string[]) => runNode([BIN, 'train', ...args], work);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kernelscope-train-'));
  // The tests run the current source: rebuild dist-cli (safe beside cli.test.ts's own rebuild).
  const build = await runNode([BUILD_CLI]);
  if (build.code !== 0) throw new Error(build.stdout + build.stderr);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The held-out accuracy of `model` from plain loops: the network, the last result flattened HWC, x · W + b. */
function referenceAccuracy(model: TrainedModel): number {
  const data = loadFashionMnist();
  const layers = model.network.layers as ReferenceNetworkLayer[];
  const { weights, bias } = model.classifier;
  let right = 0;
  for (let n = 0; n < HELD_OUT_RANGE.count; n++) {
    const index = HELD_OUT_RANGE.start + n;
    const rgb = new Float32Array(IMAGE_PIXELS * 3);
    for (let p = 0; p < IMAGE_PIXELS; p++) rgb.fill(data.images[index * IMAGE_PIXELS + p]!, p * 3, p * 3 + 3);
    const outputs = referenceNetwork({ shape: [IMAGE_SIZE, IMAGE_SIZE, 3], data: rgb }, layers);
    const last = outputs.at(-1)!;
    const fed = layers.at(-1)!.output === 'maxpool' ? last.maxpool : last.conv;
    expect(fed.data.length).toBe(weights.length);
    let best = 0;
    let bestLogit = -Infinity;
    for (let k = 0; k < 10; k++) {
      let logit = bias[k]!;
      for (let d = 0; d < fed.data.length; d++) logit += fed.data[d]! * weights[d]![k]!;
      if (logit > bestLogit) [best, bestLogit] = [k, logit];
    }
    if (best === data.labels[index]) right++;
  }
  return right / HELD_OUT_RANGE.count;
}

describe('kernelscope train', () => {
  it('prints the held-out accuracy last, the one the JSON alone gives', async () => {
    const out = join(work, 'model.json');
    const run = await train(['--images', '300', '--epochs', '2', '--seed', '3', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^epoch 1\/2 {2}loss \d\.\d{4} {2}train accuracy 0\.\d{4} {2}held-out accuracy 0\.\d{4}/,
    );
    expect(lines[1]).toMatch(/^epoch 2\/2 /);
    const last = /^held-out accuracy: (0\.\d{4})$/.exec(lines.at(-1)!);
    expect(last).not.toBeNull();
    const printed = Number(last![1]);
    // 300 images, 2 epochs: well above chance (0.1), far from trained.
    expect(printed).toBeGreaterThan(0.4);
    const model = parseModel(JSON.parse(await readFile(out, 'utf8')));
    expect(referenceAccuracy(model).toFixed(4)).toBe(printed.toFixed(4));
  }, 60_000);

  it('prints only the accuracy with -q', async () => {
    const run = await train(['--images', '64', '--epochs', '1', '-q', '--out', join(work, 'q.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^held-out accuracy: 0\.\d{4}\n$/);
  }, 60_000);

  it.each([
    [['--epochs', '0', '--out', 'x.json'], /--epochs must be a whole number from 1/],
    [['--seed', '1.5', '--out', 'x.json'], /--seed must be a whole number/],
    [['--optimizer', 'rmsprop', '--out', 'x.json'], /--optimizer must be sgd, momentum, adam/],
    [['--learning-rate', '0', '--out', 'x.json'], /--learning-rate must be a number above 0/],
    [['--backend', 'webgl', '--out', 'x.json'], /--backend must be wasm or cpu/],
    [['--images', '9001', '--out', 'x.json'], /--images must be a whole number from 1 to 9000/],
    [['--scale', 'minmax', '--out', 'x.json'], /--scale is for render, not train/],
    [['--epochs', '1'], /missing --out/],
    [['--frobnicate', '--out', 'x.json'], /unknown option --frobnicate/],
  ])('exits 2 with one line on %j', async (args, message) => {
    const run = await train(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kernelscope: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
  });
});
