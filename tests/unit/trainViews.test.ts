/**
 * The training views' pure helpers (maps out of a MapStack, gray pixels enlarged, class names, the
 * confusion matrix's numbers and shades) and the views themselves rendered to HTML in Node: the table's
 * class names in both languages, a tile per filter, a caption per mistake, both charts' accessible names.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfusionMatrix } from '../../src/components/train/ConfusionMatrix.tsx';
import { confusionSummary, shade } from '../../src/components/train/confusion.ts';
import { FilterGrid } from '../../src/components/train/FilterGrid.tsx';
import { FollowedMaps } from '../../src/components/train/FollowedMaps.tsx';
import { LineChart } from '../../src/components/train/LineChart.tsx';
import { Mistakes } from '../../src/components/train/Mistakes.tsx';
import { TrainCurves, smoothingWeight } from '../../src/components/train/TrainCurves.tsx';
import { CLASS_KEYS, extent, grayRgba, mapOf, sampleRgba } from '../../src/components/train/trainImages.ts';
import { translate } from '../../src/i18n/index.ts';
import { CLASS_NAMES } from '../../src/train/fashionMnist.ts';
import type { BatchPoint, EpochPoint, MapStack, Sample } from '../../src/training/types.ts';

function sample(index: number, label: number, predicted?: number): Sample {
  return { index, label, predicted, pixels: Uint8Array.from({ length: 784 }, (_, i) => i % 256) };
}

describe('class names', () => {
  it('English names are the data set’s CLASS_NAMES; Korean ones are the course’s', () => {
    expect(CLASS_KEYS.map((key) => translate('en', key))).toEqual(CLASS_NAMES);
    expect(CLASS_KEYS.map((key) => translate('ko', key))).toEqual([
      '티셔츠/탑',
      '바지',
      '풀오버',
      '드레스',
      '코트',
      '샌들',
      '셔츠',
      '스니커즈',
      '가방',
      '앵클 부츠',
    ]);
  });
});

describe('maps and pixels', () => {
  const stack: MapStack = {
    height: 2,
    width: 3,
    count: 2,
    values: Float32Array.from([0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15]),
  };

  it('takes one map out of the interleaved stack', () => {
    expect(Array.from(mapOf(stack, 0))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(mapOf(stack, 1))).toEqual([10, 11, 12, 13, 14, 15]);
    expect(extent(mapOf(stack, 1))).toEqual([10, 15]);
    expect(extent([])).toEqual([0, 0]);
  });

  it('scales a map on its own, black to white, each value a crisp square', () => {
    const rgba = grayRgba(mapOf(stack, 1), 3, 2, 10, 15, 2);
    expect(rgba.length).toBe(6 * 4 * 4);
    const at = (x: number, y: number) => Array.from(rgba.slice((y * 6 + x) * 4, (y * 6 + x) * 4 + 4));
    expect(at(0, 0)).toEqual([0, 0, 0, 255]);
    expect(at(1, 1)).toEqual([0, 0, 0, 255]);
    expect(at(2, 0)).toEqual([51, 51, 51, 255]);
    expect(at(5, 3)).toEqual([255, 255, 255, 255]);
    // A flat map has nothing to show: all black, not NaN.
    expect(Array.from(grayRgba([4, 4], 2, 1, 4, 4).slice(0, 4))).toEqual([0, 0, 0, 255]);
  });

  it('draws a sample’s pixels as they are', () => {
    const rgba = sampleRgba(sample(9000, 1), 3);
    expect(rgba.length).toBe(84 * 84 * 4);
    expect(rgba[(0 * 84 + 5 * 3) * 4]).toBe(5);
  });
});

describe('confusion matrix numbers', () => {
  const confusion = [
    [8, 2, 0],
    [1, 9, 0],
    [0, 0, 0],
  ];

  it('totals, overall and per-class accuracy, each hue’s largest count', () => {
    const s = confusionSummary(confusion);
    expect(s.total).toBe(20);
    expect(s.accuracy).toBeCloseTo(17 / 20, 12);
    expect(s.rowTotals).toEqual([10, 10, 0]);
    expect(s.classAccuracy[0]).toBeCloseTo(0.8, 12);
    expect(s.classAccuracy[2]).toBeNaN();
    expect([s.mostRight, s.mostWrong]).toEqual([9, 2]);
  });

  it('shades right and wrong in their own hues, a zero not at all', () => {
    expect(shade(0, 9, true)).toBe('transparent');
    expect(shade(9, 9, true)).toBe('rgba(47, 111, 222, 0.600)');
    expect(shade(1, 4, false)).toBe('rgba(213, 94, 0, 0.300)');
  });
});

describe('the views, rendered', () => {
  const confusion = Array.from({ length: 10 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => (i === j ? 90 : j === (i + 1) % 10 ? 10 : 0)),
  );

  it('the confusion table: true classes as row headers, predicted as column headers, accuracy in the caption', () => {
    const html = renderToStaticMarkup(createElement(ConfusionMatrix, { confusion }));
    expect(html).toContain('<table>');
    expect(html.match(/<th scope="row">/g)).toHaveLength(10);
    expect(html.match(/<th scope="col"/g)).toHaveLength(11);
    expect(html).toContain('Ankle boot');
    expect(html).toContain('Overall accuracy 90.0%');
    const ko = renderToStaticMarkup(createElement(ConfusionMatrix, { confusion, language: 'ko' }));
    expect(ko).toContain('앵클 부츠');
    expect(ko).toContain('전체 정확도 90.0%');
  });

  it('says a mistake in Korean with the course’s class names', () => {
    expect(
      translate('ko', 'mistakes.caption', {
        truth: translate('ko', 'class.7'),
        said: translate('ko', 'class.5'),
      }),
    ).toBe('정답: 스니커즈\u00a0· 예측: 샌들');
  });

  it('mistakes: at most 24, each captioned with its true class and what was said', () => {
    const mistakes = Array.from({ length: 30 }, (_, k) => sample(9000 + k, 7, 5));
    const html = renderToStaticMarkup(createElement(Mistakes, { mistakes }));
    expect(html.match(/<figcaption>/g)).toHaveLength(24);
    expect(html).toContain('true: Sneaker\u00a0· said: Sandal');
  });

  it('filters: a labelled tile per filter with a cell per weight', () => {
    const filters: MapStack = {
      height: 3,
      width: 3,
      count: 8,
      values: Float32Array.from({ length: 72 }, (_, i) => i - 36),
    };
    const html = renderToStaticMarkup(createElement(FilterGrid, { filters }));
    expect(html.match(/class="filter-tile"/g)).toHaveLength(8);
    expect(html.match(/<rect /g)).toHaveLength(72);
    expect(html).toContain('Filter 8');
    expect(html).toContain('±36');
  });

  it('followed maps: the image, a tile per map of every layer, a button per choice', () => {
    const layers: MapStack[] = [
      { height: 28, width: 28, count: 8, values: new Float32Array(28 * 28 * 8) },
      { height: 14, width: 14, count: 16, values: new Float32Array(14 * 14 * 16) },
    ];
    const html = renderToStaticMarkup(
      createElement(FollowedMaps, {
        followed: { sample: sample(9003, 0, 6), layers },
        onPick: () => {},
        choices: [sample(9003, 0), sample(9004, 1)],
      }),
    );
    expect(html).toContain('Image 9003: T-shirt/top');
    expect(html).toContain('the model says: Shirt');
    expect(html.match(/Layer 2, map \d+:/g)).toHaveLength(16);
    expect(html.match(/<button/g)).toHaveLength(2);
    expect(html).toContain('aria-pressed="true"');
  });

  it('curves: both charts named with their last values', () => {
    const batches: BatchPoint[] = Array.from({ length: 600 }, (_, i) => ({
      step: i + 1,
      epoch: Math.ceil((i + 1) / 300),
      loss: 2 / (1 + i / 50),
      accuracy: 0.5,
    }));
    const epochs: EpochPoint[] = [{ epoch: 1, step: 300, heldOutLoss: 0.5, heldOutAccuracy: 0.8 }];
    const html = renderToStaticMarkup(
      createElement(TrainCurves, { batches, epochs, epochsTotal: 10, batchesPerEpoch: 300 }),
    );
    expect(html).toContain('aria-label="Loss by epoch: training, smoothed');
    expect(html).toContain('held-out, each epoch 0.5"');
    expect(html).toContain(
      'aria-label="Accuracy by epoch: training, smoothed 0.5; held-out, each epoch 0.8"',
    );
    expect(smoothingWeight(300)).toBeCloseTo(1 - 1 / 30, 12);
    expect(smoothingWeight(7)).toBeCloseTo(1 - 1 / 3, 12);
  });

  it('line chart: decade ticks on a log axis, a long series thinned, dots, a summary of the last values', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => [i, 3 * 0.999 ** i] as [number, number]);
    const html = renderToStaticMarkup(
      createElement(LineChart, {
        series: [
          { label: 'loss', points },
          { label: 'check', points: [[5000, 0.1]], dots: true, dashed: true },
        ],
        yScale: 'log',
        xLabel: 'step',
        yLabel: 'loss',
        ariaLabel: 'Learning curve',
      }),
    );
    expect(html).toContain('role="img" aria-label="Learning curve: loss 0.000136; check 0.1"');
    const d = /<path d="([^"]+)"/.exec(html)![1]!;
    expect(d.match(/[ML]/g)!.length).toBeLessThanOrEqual(500);
    for (const tick of ['0.0001', '0.001', '0.01', '0.1', '1', '10'])
      expect(html).toContain(`>${tick}</text>`);
    expect(html.match(/<circle /g)).toHaveLength(2); // the dot and its legend swatch
    expect(html).toContain('stroke-dasharray="5 4"');
  });
});
