/**
 * The PyTorch code of the code panel, RUN: for every reference fixture and a fast-check sample of random
 * specs (half of them cut out of a larger picture, as the 27 × 27 sample is), the generated snippet runs
 * in one Python process and its feature maps and both poolings must match the core on tfjs cpu; the
 * shapes it prints must be the ones its comments promise. Their Keras code is compiled by the same Python.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCode } from '../../src/codegen/index.ts';
import { layerGeometry, parseSpec } from '../../src/core/index.ts';
import {
  coreLayerStages,
  expectCloseToMax,
  randomLayerCodeCases,
  type LayerCodeCase,
  type LayerStages,
} from '../support/codeCases.ts';
import { FIXTURE_CASES } from '../support/fixtures.ts';
import {
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

type Case = LayerCodeCase & { expected?: LayerStages; code?: string };

const fixtures: Case[] = FIXTURE_CASES.map((f) => {
  const image = { shape: f.image.shape, data: f.image.data };
  return { name: f.name, spec: parseSpec(f.spec), image, picture: image, crop: null };
});
const randoms: Case[] = randomLayerCodeCases(RUNS, SEED);
let run: SnippetRun;
const resultOf = (name: string) => (run.missing === undefined ? run.results.get(name) : undefined);

function snippet(c: Case): Snippet {
  const [h, w] = c.image.shape;
  const imageFile = `${c.name}.png`;
  const image = { file: imageFile, label: c.name, crop: c.crop };
  c.code = generateCode('pytorch', c.spec, layerGeometry(c.spec, h, w), image);
  return { name: c.name, code: c.code, imageFile, image: c.picture, outputs: ['y', 'max_pool', 'avg_pool'] };
}

/** The same layer's Keras code, only compiled: TensorFlow is not in Debian, so it cannot run here. */
function kerasSnippet(c: Case): Snippet {
  const [h, w] = c.image.shape;
  const image = { file: `${c.name}.png`, label: c.name, crop: c.crop };
  const code = generateCode('keras', c.spec, layerGeometry(c.spec, h, w), image);
  return { name: `${c.name} keras`, code, outputs: [], compileOnly: true };
}

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  for (const c of [...fixtures, ...randoms]) c.expected = await coreLayerStages(c.spec, c.image);
  const all = [...fixtures, ...randoms];
  run = await runSnippets([...all.map(snippet), ...all.map(kerasSnippet)]);
}, 300_000);

/** The snippet's three results against the core's, and its printed shapes against its comments. */
function check(c: Case, label: string): void {
  const result = resultOf(c.name);
  const outputs = outputsOf(result, label);
  const expected = c.expected as LayerStages;
  for (const [name, stage] of [
    ['y', 'conv'],
    ['max_pool', 'maxpool'],
    ['avg_pool', 'avgpool'],
  ] as const) {
    expect(outputs[name], `${label}: ${name}`).toBeDefined();
    expectCloseToMax(nchwToHwc(outputs[name]!), expected[stage], `${label} ${stage}`);
  }
  expectPrintedAsCommented(c.code ?? '', result?.printed ?? '', label);
}

describe('the generated PyTorch code computes what the page computes', () => {
  it.for(fixtures.map((c) => [c.name, c] as const))('fixture %s', ([, c], ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    check(c, c.name);
  });

  it(`on ${RUNS} random specs (a new sample each run; failures name FC_SEED), those with a feature map`, (ctx) => {
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

  it('the Keras code of every fixture and random spec is valid Python (compiled, not run: no TensorFlow)', (ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    for (const c of [...fixtures, ...randoms]) outputsOf(resultOf(`${c.name} keras`), `${c.name} keras`);
  });
});
