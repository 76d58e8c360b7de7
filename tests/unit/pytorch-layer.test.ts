/**
 * The PyTorch code of the code panel, RUN: for every reference fixture and a fast-check sample of random
 * specs (some cut out of a larger picture, as the 27 × 27 sample is), the generated snippet runs in one
 * Python process and its feature maps and both poolings must match the core on tfjs cpu; the shapes it
 * prints must be the ones its comments promise.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCode, type CodeImage } from '../../src/codegen/index.ts';
import { disposeOutputs, layerGeometry, parseSpec, runLayer, type LayerSpec } from '../../src/core/index.ts';
import { layerCase } from '../support/arbitraries.ts';
import { FIXTURE_CASES } from '../support/fixtures.ts';
import {
  expectCloseToMax,
  expectPrintedAsCommented,
  nchwToHwc,
  outputsOf,
  runSnippets,
  torchMissingNote,
  type Snippet,
  type SnippetRun,
} from '../support/pytorch.ts';

/** Random specs run; FC_RUNS raises it. FC_SEED replays a sample (the seed is in every failure). */
const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

type Image = { shape: [number, number, number]; data: number[] };
type Stage = { shape: number[]; data: Float32Array };

interface Case {
  name: string;
  spec: LayerSpec;
  /** The image the layer sees, and the picture the snippet opens (larger when the code crops). */
  image: Image;
  picture: Image;
  crop: CodeImage['crop'];
  expected?: { conv: Stage; maxpool: Stage; avgpool: Stage };
  code?: string;
}

/** `image` inside a picture with a border of noise, `top` rows above and `left` columns to its left. */
function framed(image: Image, top: number, left: number): Image {
  const [h, w] = image.shape;
  const H = h + top + 1;
  const W = w + left + 2;
  const data: number[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < 3; c++) {
        const inside = y >= top && y < top + h && x >= left && x < left + w;
        data.push(
          inside
            ? (image.data[((y - top) * w + (x - left)) * 3 + c] as number)
            : (y * 31 + x * 17 + c * 7) % 256,
        );
      }
    }
  }
  return { shape: [H, W, 3], data };
}

function fixtureCases(): Case[] {
  return FIXTURE_CASES.map((f) => {
    const image = { shape: f.image.shape, data: f.image.data };
    return { name: f.name, spec: parseSpec(f.spec), image, picture: image, crop: null };
  });
}

/** Random specs that leave a feature map for their image (the others have no code to run). */
function randomCases(): Case[] {
  const cases: Case[] = [];
  fc.sample(layerCase, { numRuns: RUNS, seed: SEED }).forEach(({ spec: json, image }, i) => {
    const spec = parseSpec(json);
    try {
      layerGeometry(spec, image.shape[0], image.shape[1]);
    } catch {
      return;
    }
    const crop: CodeImage['crop'] = i % 2 ? [i % 3, i % 4, image.shape[1], image.shape[0]] : null;
    const picture = crop ? framed(image, crop[1], crop[0]) : image;
    cases.push({ name: `random-${i}`, spec, image, picture, crop });
  });
  return cases;
}

async function coreStages(c: Case): Promise<Case['expected']> {
  const image = tf.tensor3d(c.image.data, c.image.shape, 'float32');
  const out = runLayer(image, c.spec);
  const read = async (t: tf.Tensor3D): Promise<Stage> => ({
    shape: t.shape,
    data: (await t.data()) as Float32Array,
  });
  try {
    return {
      conv: await read(out.featureMaps),
      maxpool: await read(out.maxPool),
      avgpool: await read(out.avgPool),
    };
  } finally {
    disposeOutputs(out);
    image.dispose();
  }
}

function snippet(c: Case): Snippet {
  const [h, w] = c.image.shape;
  const imageFile = `${c.name}.png`;
  const code = generateCode('pytorch', c.spec, layerGeometry(c.spec, h, w), {
    file: imageFile,
    label: c.name,
    crop: c.crop,
  });
  c.code = code;
  return { name: c.name, code, imageFile, image: c.picture, outputs: ['y', 'max_pool', 'avg_pool'] };
}

const fixtures = fixtureCases();
const randoms = randomCases();
let run: SnippetRun;

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  for (const c of [...fixtures, ...randoms]) c.expected = await coreStages(c);
  run = await runSnippets([...fixtures, ...randoms].map(snippet));
}, 300_000);

/** The snippet's three results against the core's, and its printed shapes against its comments. */
function check(c: Case, label: string): void {
  if (run.missing !== undefined) throw new Error('unreachable');
  const result = run.results.get(c.name);
  const outputs = outputsOf(result, label);
  const expected = c.expected as NonNullable<Case['expected']>;
  expectCloseToMax(nchwToHwc(outputs.y as never), expected.conv, `${label} conv`);
  expectCloseToMax(nchwToHwc(outputs.max_pool as never), expected.maxpool, `${label} maxpool`);
  expectCloseToMax(nchwToHwc(outputs.avg_pool as never), expected.avgpool, `${label} avgpool`);
  expectPrintedAsCommented(c.code ?? '', result?.printed ?? '', label);
}

describe('the generated PyTorch code computes what the page computes', () => {
  it.for(fixtures.map((c) => [c.name, c] as const))('fixture %s', ([, c], ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    check(c, c.name);
  });

  it(`on ${RUNS} random specs (seed ${SEED}), those with a feature map`, (ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    expect(randoms.length).toBeGreaterThan(RUNS / 3);
    const failures: string[] = [];
    for (const c of randoms) {
      try {
        check(c, `${c.name} (FC_SEED=${SEED}) ${JSON.stringify(c.spec)}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect(failures, `${failures.length} of ${randoms.length} random specs`).toEqual([]);
  });
});
