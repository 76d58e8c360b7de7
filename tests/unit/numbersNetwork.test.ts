/**
 * The numbers panel on a network: one shape table for every layer (input fed from the layer before, the
 * result passed on), parameters and multiply-adds per layer and in total (against networkCost and the
 * hand figures of docs/spec.md for the notes' small CNN), the edited layer's formula on its fed input,
 * and the receptive-field arithmetic written out step by step.
 */
import { describe, expect, it } from 'vitest';
import {
  networkCost,
  networkGeometry,
  parseNetwork,
  receptiveField,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { networkFieldTables, fieldTable } from '../../src/components/numbers/fieldSteps.ts';
import { convFormulas, formulaText } from '../../src/components/numbers/formula.ts';
import { FED_ROW, networkTable } from '../../src/components/numbers/networkTable.ts';
import { shapeList } from '../../src/components/numbers/tensorShapes.ts';

const ones = (k: number) => Array.from({ length: k }, () => Array<number>(k).fill(1));
const filters = (n: number, k = 3) => Array.from({ length: n }, () => ({ weights: ones(k) }));

/** docs/spec.md "Networks": 3 × 3 × 8 → pool → 3 × 3 × 16 → pool, ReLU, on a 28 × 28 gray image. */
const SMALL_CNN = parseNetwork({
  layers: [
    { filters: filters(8), activation: 'relu' },
    { filters: filters(16), activation: 'relu' },
  ],
});

function rowsOf(net: NetworkSpec, height: number, width: number) {
  const geometries = networkGeometry(net, height, width);
  return { geometries, table: networkTable(net, geometries) };
}

describe('the network shape table', () => {
  it("the notes' small CNN on 28 × 28: every layer's tensors in NHWC and NCHW", () => {
    const { table } = rowsOf(SMALL_CNN, 28, 28);
    const shapes = table.layers.map((l) =>
      Object.fromEntries(l.shapes.rows.map((r) => [r.stage, `${shapeList(r.nhwc)} ${shapeList(r.nchw)}`])),
    );
    expect(shapes[0]).toEqual({
      input: '[1, 28, 28, 1] [1, 1, 28, 28]',
      weights: '[3, 3, 1, 8] [8, 1, 3, 3]',
      bias: '[8] [8]',
      conv: '[1, 28, 28, 8] [1, 8, 28, 28]',
      maxPool: '[1, 14, 14, 8] [1, 8, 14, 14]',
      avgPool: '[1, 14, 14, 8] [1, 8, 14, 14]',
    });
    expect(shapes[1]).toEqual({
      input: '[1, 14, 14, 8] [1, 8, 14, 14]',
      weights: '[3, 3, 8, 16] [16, 8, 3, 3]',
      bias: '[16] [16]',
      conv: '[1, 14, 14, 16] [1, 16, 14, 14]',
      maxPool: '[1, 7, 7, 16] [1, 16, 7, 7]',
      avgPool: '[1, 7, 7, 16] [1, 16, 7, 7]',
    });
    // Layer 2 feeds on layer 1's max pooling; the last layer passes nothing on.
    expect(table.layers.map((l) => [l.fedFrom, l.feeds])).toEqual([
      [null, 'maxpool'],
      ['maxpool', null],
    ]);
  });

  it("the small CNN's cost: the docs' figures, per layer and in total", () => {
    const { table } = rowsOf(SMALL_CNN, 28, 28);
    expect(table.layers.map((l) => l.cost)).toEqual([
      // 3·3·1·8 = 72 weights, 8 biases; 28·28·8·9 = 56,448 multiply-adds
      { weights: 72, biases: 8, parameters: 80, multiplyAdds: 56_448 },
      // 3·3·8·16 = 1152 weights, 16 biases; 14·14·16·9·8 = 225,792 multiply-adds
      { weights: 1152, biases: 16, parameters: 1168, multiplyAdds: 225_792 },
    ]);
    expect(table.total).toEqual({ weights: 1224, biases: 24, parameters: 1248, multiplyAdds: 282_240 });
    // The products the page writes beside them: 14 × 14 × 16 × 72 for layer 2.
    expect(table.layers[1]?.params).toMatchObject({ macsPerOutput: 72, macs: 225_792, weights: 1152 });
  });

  it('rows and totals agree with networkCost on a mixed network (rgb, stride, conv and avg outputs)', () => {
    const net = parseNetwork({
      layers: [
        { channels: 'rgb', filters: filters(3, 5), stride: 2, output: 'conv' },
        { filters: filters(4), padding: 'valid', output: 'avgpool' },
        { filters: filters(2, 1), dilation: 2 },
      ],
    });
    const { geometries, table } = rowsOf(net, 41, 37);
    const cost = networkCost(net, geometries);
    expect(table.layers.map((l) => l.cost)).toEqual(cost.layers);
    expect(table.total).toEqual(cost.total);
    table.layers.forEach((l, i) => {
      expect(l.params.macs, `layer ${i + 1} MACs`).toBe(cost.layers[i]?.multiplyAdds);
      expect(l.params.weights + l.params.biases, `layer ${i + 1} parameters`).toBe(
        cost.layers[i]?.parameters,
      );
      // Each layer's input row is the row of the result the layer before passes on.
      const before = table.layers[i - 1];
      if (before?.feeds) {
        const fed = before.shapes.rows.find((r) => r.stage === FED_ROW[before.feeds!]);
        expect(l.shapes.rows[0]?.nhwc, `layer ${i + 1} input`).toEqual(fed?.nhwc);
      }
    });
    expect(table.layers.map((l) => l.fedFrom)).toEqual([null, 'conv', 'avgpool']);
  });

  it("the edited layer's formula reads its fed input: layer 2 of the small CNN, W = 14", () => {
    const geometries = networkGeometry(SMALL_CNN, 28, 28);
    const [h] = convFormulas(SMALL_CNN.layers[1]!, geometries[1]!);
    expect(formulaText(h!)).toBe('⌊(14 + 1 + 1 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊13 / 1⌋ + 1 = 14');
  });
});

describe('the receptive-field arithmetic', () => {
  it("three 3 × 3 layers with 2 × 2 pooling: docs/spec.md's table, 3 → 4 → 8 → 10 → 18", () => {
    const net = parseNetwork({ layers: [{}, {}, {}] });
    const { rows, same } = networkFieldTables(net);
    expect(same).toBe(true);
    expect(rows.chain).toBe('3 → 4 → 8 → 10 → 18');
    expect(rows.layerFields).toEqual([3, 8, 18]);
    expect(rows.rows.map((r) => [r.layer, r.kind, r.adds, r.r, r.j])).toEqual([
      [0, 'conv', '(3 − 1)·1 = 2', '1 + 2 = 3', '1·1 = 1'],
      [0, 'maxpool', '(2 − 1)·1 = 1', '3 + 1 = 4', '1·2 = 2'],
      [1, 'conv', '(3 − 1)·2 = 4', '4 + 4 = 8', '2·1 = 2'],
      [1, 'maxpool', '(2 − 1)·2 = 2', '8 + 2 = 10', '2·2 = 4'],
      [2, 'conv', '(3 − 1)·4 = 8', '10 + 8 = 18', '4·1 = 4'],
    ]);
  });

  it('each layer’s field is receptiveField of that layer; dilation, stride, conv and avg outputs count as the docs say', () => {
    const net = parseNetwork({
      layers: [
        { filters: [{ weights: ones(3) }], dilation: [2, 1], stride: [1, 2], output: 'avgpool' },
        { filters: [{ weights: ones(3) }], output: 'conv' },
        { filters: [{ weights: ones(5) }] },
      ],
    });
    const { rows, cols, same } = networkFieldTables(net);
    expect(same).toBe(false);
    net.layers.forEach((_, k) => {
      const field = receptiveField(net, k);
      expect(rows.layerFields[k], `layer ${k + 1} rows`).toBe(field.rows.r);
      expect(cols.layerFields[k], `layer ${k + 1} cols`).toBe(field.cols.r);
    });
    // Rows: dilated 3 → k_eff 5; avg pooling 2/2; 3 × 3; no pooling (conv fed on); 5 × 5.
    expect(rows.rows.map((r) => r.kind)).toEqual(['conv', 'avgpool', 'conv', 'conv']);
    expect(rows.chain).toBe('5 → 6 → 10 → 18');
    expect(rows.rows[0]?.adds).toBe('(5 − 1)·1 = 4');
    // Columns: stride 2 doubles the jump before the pooling.
    expect(cols.chain).toBe('3 → 5 → 13 → 29');
    expect(cols.rows[1]?.j).toBe('2·2 = 4');
    expect(fieldTable(net, receptiveField(net, 0).cols).chain).toBe('3');
  });
});
