/**
 * The PyTorch code of a whole network, RUN: the notes' small CNN, a six-layer network, and a fast-check
 * sample of random networks of 2–3 layers, each
 * network's generated `nn.Sequential` code run in one Python process, then (harness code) its model run
 * part by part, so every layer's feature maps, every pooling that feeds the next layer, and the last
 * layer's two poolings are compared with `runNetwork` on tfjs cpu. Their Keras code is compiled too.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetworkCode } from '../../src/codegen/index.ts';
import {
  coreNetworkStages,
  expectCloseToMax,
  namedNetworkCodeCases,
  randomNetworkCodeCases,
  type LayerStages,
  type NetworkCodeCase,
} from '../support/codeCases.ts';
import {
  expectPrintedAsCommented,
  nchwToHwc,
  outputsOf,
  runSnippets,
  torchMissingNote,
  type PyArray,
  type SnippetRun,
} from '../support/pytorch.ts';

/** Random networks tried; FC_RUNS raises it. FC_SEED replays a sample (the seed is in every failure). */
const RUNS = Number(process.env.FC_RUNS ?? 250);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/** Runs the model part by part, keeping what each named part gives (the harness, not the snippet). */
const PARTS = `
parts = {}
with torch.no_grad():
    _t = x
    for _name, _part in model.named_children():
        _t = _part(_t)
        parts[_name] = _t
`;

type Case = NetworkCodeCase & { code: string; expected?: LayerStages[] };

const withCode = (c: NetworkCodeCase): Case => ({
  ...c,
  code: generateNetworkCode('pytorch', c.net, c.geometries, {
    file: `${c.name}.png`,
    label: c.name,
    crop: null,
  }),
});
const named: Case[] = namedNetworkCodeCases().map(withCode);
const cases: Case[] = randomNetworkCodeCases(RUNS, SEED).map(withCode);
let run: SnippetRun;
const resultOf = (name: string) => (run.missing === undefined ? run.results.get(name) : undefined);

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  for (const c of [...named, ...cases]) c.expected = await coreNetworkStages(c.net, c.image);
  const all = [...named, ...cases];
  run = await runSnippets([
    ...all.map((c) => ({
      name: c.name,
      code: c.code,
      imageFile: `${c.name}.png`,
      image: c.image,
      after: PARTS,
      outputs: ['y', 'max_pool', 'avg_pool', 'parts'],
    })),
    ...all.map((c) => ({
      name: `${c.name} keras`,
      code: generateNetworkCode('keras', c.net, c.geometries, { file: 'x.png', label: c.name, crop: null }),
      outputs: [],
      compileOnly: true,
    })),
  ]);
}, 300_000);

/** Every layer of the snippet's model against `runNetwork`, and its printed shapes against its comments. */
function check(c: Case, label: string): void {
  const result = resultOf(c.name);
  const outputs = outputsOf(result, label);
  const expected = c.expected as LayerStages[];
  const parts = Object.keys(outputs).filter((k) => k.startsWith('parts.'));
  c.net.layers.forEach((layer, i) => {
    const n = i + 1;
    const want = expected[i] as LayerStages;
    // Layer n's feature maps: what its last part before any pooling gives.
    const mine = parts.filter((k) => k.endsWith(String(n)) && !k.startsWith('parts.pool'));
    const maps = mine[mine.length - 1];
    expect(maps, `${label}: layer ${n}'s parts`).toBeDefined();
    expectCloseToMax(
      nchwToHwc(outputs[maps as string] as PyArray),
      want.conv,
      `${label} layer ${n} feature maps`,
    );
    const pool = outputs[`parts.pool${n}`];
    if (i < c.net.layers.length - 1 && layer.output !== 'conv') {
      expect(pool, `${label}: layer ${n} feeds its pooling`).toBeDefined();
      const fed = want[layer.output];
      expectCloseToMax(nchwToHwc(pool as PyArray), fed, `${label} layer ${n} ${layer.output}`);
    } else {
      expect(pool, `${label}: layer ${n} feeds no pooling`).toBeUndefined();
    }
  });
  const last = expected[expected.length - 1] as LayerStages;
  expectCloseToMax(nchwToHwc(outputs.y as PyArray), last.conv, `${label} y`);
  expectCloseToMax(nchwToHwc(outputs.max_pool as PyArray), last.maxpool, `${label} max_pool`);
  expectCloseToMax(nchwToHwc(outputs.avg_pool as PyArray), last.avgpool, `${label} avg_pool`);
  expectPrintedAsCommented(c.code, result?.printed ?? '', label);
}

describe('the generated PyTorch network code computes what the page computes', () => {
  it.for(named.map((c) => [c.name, c] as const))('%s, every layer', ([, c], ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    check(c, c.name);
  });

  it(`on ${RUNS} random networks (a new sample each run; failures name FC_SEED), those that fit their image, every layer`, (ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    expect(cases.length).toBeGreaterThan(RUNS / 4);
    const failures: string[] = [];
    for (const c of cases) {
      try {
        check(c, `${c.name} (FC_SEED=${SEED}) ${JSON.stringify(c.net)}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect(failures, `${failures.length} of ${cases.length} random networks`).toEqual([]);
  });

  it('the Keras code of each is valid Python (compiled, not run: TensorFlow is not in Debian)', (ctx) => {
    if (run.missing !== undefined) ctx.skip(torchMissingNote(run.missing));
    for (const c of [...named, ...cases]) outputsOf(resultOf(`${c.name} keras`), `${c.name} keras`);
  });
});
