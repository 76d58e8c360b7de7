/**
 * The course-note examples (data, links, README) and the spec actions behind the spec menu: reset, export,
 * import with its refusals.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  compactSpec,
  defaultSpec,
  networkCost,
  networkGeometry,
  networkOf,
  parseNetwork,
  parseSpec,
  receptiveField,
  stopAt,
} from '../../src/core/index.ts';
import { compareDense } from '../../src/components/dense/denseCounts.ts';
import { EXAMPLES, exampleHash, lessonHash } from '../../src/examples/examples.ts';
import { examplesReadmeBlock, exampleLink, withExamplesBlock } from '../../src/examples/readme.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { findSample } from '../../src/image/samples.ts';
import {
  checkSpecText,
  editedSpec,
  importSpecText,
  resetSettings,
  resetStore,
  setImage,
  specFile,
  store,
} from '../../src/store/index.ts';
import { decodeHash } from '../../src/store/urlHash.ts';
import { sampleImage } from '../support/sampleImage.ts';

const ROOT = new URL('../../', import.meta.url);

/** [height, width, channels] of a sample as the page loads it (its PNG, cropped when the sample says so). */
function sampleSize(id: string): [number, number] {
  const sample = findSample(id);
  if (!sample) throw new Error(`no sample ${id}`);
  const png = PNG.sync.read(readFileSync(new URL(`public/samples/${sample.file}`, ROOT)));
  if (sample.crop) {
    const [x, y, w, h] = sample.crop;
    expect(x + w, `${id}: crop inside the image`).toBeLessThanOrEqual(png.width);
    expect(y + h, `${id}: crop inside the image`).toBeLessThanOrEqual(png.height);
    return [h, w];
  }
  return [png.height, png.width];
}

const shape = (...dims: number[]) => dims.filter((d, i) => i < 2 || d > 1).join(' × ');

describe('course-note examples', () => {
  it('has the worked examples of the notes, with unique ids', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual([
      'output-size-7x7',
      'sobel-27-valid',
      'same-keeps-size',
      'stride-2-halves',
      'pool-2x2',
      'flip-asymmetric',
      'rgb-3-channel',
      'n-filters',
      'relu',
      'stack-3-field',
      'small-cnn',
      'sliding-window',
      'stride-vs-pooling',
      'dense-vs-conv',
    ]);
  });

  it('the 27 × 27 sample is a crop of the Fashion-MNIST ankle boot', () => {
    expect(findSample('fashion-mnist-27')).toMatchObject({
      file: 'fashion-mnist-9.png',
      crop: [1, 1, 27, 27],
    });
    expect(sampleSize('fashion-mnist-27')).toEqual([27, 27]);
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s: its spec gives the shapes it promises',
    (_id, example) => {
      const net = parseNetwork(example.spec);
      const spec = net.layers[0]!;
      const [height, width] = sampleSize(example.sample);
      const [g, ...deeper] = networkGeometry(net, height, width);
      const channels = spec.channels === 'gray' ? 1 : 3;
      expect(shape(height, width, channels), 'input').toBe(example.expected.input);
      expect(shape(g!.kernel[0], g!.kernel[1], spec.channels === 'rgb' ? 3 : 1), 'filter').toBe(
        example.expected.filter,
      );
      expect(shape(g!.conv.height, g!.conv.width), 'feature map').toBe(example.expected.conv);
      expect(shape(g!.pool.height, g!.pool.width), 'pooling').toBe(example.expected.pool);
      expect(g!.conv.maps, 'maps').toBe(example.expected.maps);
      // A network's deeper layers: their maps and how much of the image one pixel of them sees.
      expect(
        deeper.map((d, i) => {
          const { rows, cols } = receptiveField(net, i + 1);
          return {
            conv: shape(d.conv.height, d.conv.width),
            pool: shape(d.pool.height, d.pool.width),
            maps: d.conv.maps,
            field: shape(rows.r, cols.r),
          };
        }),
        'deeper layers',
      ).toEqual(example.expected.layers ?? []);
      expect(MESSAGES.en[example.title]).toBeTruthy();
      expect(MESSAGES.ko[example.title]).toBeTruthy();
    },
  );

  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s: its link decodes to its spec and sample',
    (_id, example) => {
      const decoded = decodeHash(`#${exampleHash(example)}`);
      expect(decoded.spec).toEqual(parseNetwork(example.spec));
      expect(decoded.sampleId).toBe(example.sample);
      expect(decoded.magnitude ?? false).toBe(example.magnitude ?? false);
      expect(decoded.language).toBeUndefined();
      // A demo's fields come back as the link wrote them; an example without one opens no demo.
      expect(decoded.demo).toBe(example.demo ? /demo=(\w+)/.exec(example.demo)?.[1] : undefined);
    },
  );

  it('the three demos open from their links where the examples put them, lesson steps included', () => {
    const byId = (id: string) => EXAMPLES.find((e) => e.id === id)!;
    const window = decodeHash(`#${exampleHash(byId('sliding-window'))}`);
    expect(window).toMatchObject({ demo: 'window', window: { stop: 90 } });
    expect(decodeHash(`#${exampleHash(byId('stride-vs-pooling'))}`)).toMatchObject({
      demo: 'shrink',
      shrink: { shift: 1 },
    });
    expect(decodeHash(`#${exampleHash(byId('dense-vs-conv'))}`)).toMatchObject({
      demo: 'dense',
      denseUnits: 128,
    });
    for (const id of ['sliding-window', 'stride-vs-pooling', 'dense-vs-conv']) {
      const step = EXAMPLES.indexOf(byId(id)) + 1;
      const decoded = decodeHash(`#${lessonHash(step)}`);
      expect(decoded.lesson).toBe(step);
      expect(decoded.demo).toBeDefined();
    }
  });

  it("the sliding window's stop 91 is row 7, column 7 of the 14 × 14 map, the window on the boot's left edge", () => {
    const example = EXAMPLES.find((e) => e.id === 'sliding-window')!;
    const net = parseNetwork(example.spec);
    const spec = net.layers[0]!;
    const [geometry] = networkGeometry(net, ...sampleSize(example.sample));
    // SAME at stride 2 on 28: one row of zeros at the bottom, one column at the right.
    expect(geometry!.pads).toMatchObject({ top: 0, bottom: 1, left: 0, right: 1 });
    const stop = stopAt(spec, geometry!, 'conv', decodeHash(exampleHash(example)).window!.stop!);
    expect(stop).toMatchObject({ y: 6, x: 6, window: { top: 12, left: 12, height: 3, width: 3 } });
    expect(MESSAGES.en[example.lesson]).toContain('row 7, column 7');
    // Under the window: the dark background on the left, the boot on the right, so Sobel x answers.
    const png = PNG.sync.read(readFileSync(new URL('public/samples/fashion-mnist-9.png', ROOT)));
    const pixel = (y: number, x: number) => png.data[(y * png.width + x) * 4]!;
    const { top, left } = stop.window;
    const column = (x: number) => [0, 1, 2].reduce((sum, dy) => sum + pixel(top + dy, x), 0);
    expect(column(left + 2)).toBeGreaterThan(300);
    expect(column(left)).toBeLessThan(column(left + 2) / 3);
  });

  it('dense against convolution on the 300 × 451 photo: 17,318,528 parameters or 10, as the title says', () => {
    const example = EXAMPLES.find((e) => e.id === 'dense-vs-conv')!;
    const net = parseNetwork(example.spec);
    const [geometry] = networkGeometry(net, ...sampleSize(example.sample));
    const units = decodeHash(exampleHash(example)).denseUnits!;
    const compared = compareDense(net.layers[0]!, geometry!, units);
    expect(compared.dense.total).toBe(300 * 451 * 1 * 128 + 128);
    expect(compared.convCount.total).toBe(3 * 3 * 1 * 1 + 1);
    for (const language of ['en', 'ko'] as const) {
      expect(MESSAGES[language][example.title]).toContain('17,318,528');
      expect(MESSAGES[language][example.lesson]).toContain('300 · 451 · 1 · 128 + 128 = 17,318,528');
    }
    expect(example.source).toContain(
      '500 x 500의 이미지가 은닉층 하나를 거칠 때 Weight 250,000개가 필요하다',
    );
  });

  it("the notes' numbers: 28 − 7 + 1 = 22, (27 − 3) + 1 = 25 with two Sobel filters and the magnitude", () => {
    const [first, sobel] = EXAMPLES;
    expect(first?.expected.conv).toBe('22 × 22');
    expect(sobel?.expected).toMatchObject({ input: '27 × 27', conv: '25 × 25', maps: 2 });
    expect(sobel?.magnitude).toBe(true);
    expect(exampleHash(sobel!)).toMatch(/&sample=fashion-mnist-27&mag=1$/);
  });

  it('the 3-layer stack on Fashion-MNIST: 3 → 8 → 18, as its title says', () => {
    const stack = EXAMPLES.find((e) => e.id === 'stack-3-field')!;
    const net = parseNetwork(stack.spec);
    expect(net.layers).toHaveLength(3);
    expect(findSample(stack.sample)?.group).toBe('fashion');
    const fields = net.layers.map((_, k) => receptiveField(net, k).rows.r);
    expect(fields).toEqual([3, 8, 18]);
    expect(MESSAGES.en[stack.title]).toContain(fields.join(' → '));
    expect(MESSAGES.ko[stack.title]).toContain(fields.join(' → '));
  });

  it('the small CNN: 3 × 3 × 8 → pool → 3 × 3 × 16 → pool, shapes and cost as the notes write them', () => {
    const cnn = EXAMPLES.find((e) => e.id === 'small-cnn')!;
    const net = parseNetwork(cnn.spec);
    const geometries = networkGeometry(net, ...sampleSize(cnn.sample));
    const chain = geometries.flatMap((g) => [
      shape(g.conv.height, g.conv.width, g.conv.maps),
      shape(g.pool.height, g.pool.width, g.conv.maps),
    ]);
    expect(chain.join(' → ')).toBe('28 × 28 × 8 → 14 × 14 × 8 → 14 × 14 × 16 → 7 × 7 × 16');
    expect(MESSAGES.en[cnn.detail]).toBe(chain.join(' → '));
    expect(MESSAGES.ko[cnn.detail]).toBe(chain.join(' → '));
    expect(geometries.map((g) => g.kernel)).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(net.layers.map((l) => l.activation)).toEqual(['relu', 'relu']);
    // docs/spec.md: layer 2 holds 3 · 3 · 8 · 16 = 1152 weights and 16 biases, 225 792 multiply-adds.
    expect(networkCost(net, geometries).layers[1]).toEqual({
      weights: 1152,
      biases: 16,
      parameters: 1168,
      multiplyAdds: 225_792,
    });
    // The lesson's paragraph quotes the same figures.
    expect(MESSAGES.en[cnn.lesson]).toContain('3 · 3 · 8 · 16 = 1,152');
    expect(MESSAGES.en[cnn.lesson]).toContain('14 · 14 · 16 · 72 = 225,792');
  });
});

describe('the README section', () => {
  const readme = readFileSync(new URL('README.md', ROOT), 'utf8');

  it('is the generated block (run `node scripts/examples-readme.mjs` after changing the examples)', () => {
    expect(readme).toContain(examplesReadmeBlock());
    expect(withExamplesBlock(readme)).toBe(readme);
  });

  it('links every example, relative to the page', () => {
    const links = [...readme.matchAll(/\]\((\.\/#spec=[^)]+)\)/g)].map((m) => m[1]);
    expect(links).toEqual(EXAMPLES.map((e) => exampleLink(exampleHash(e))));
    expect(readme).toContain('npm run dev');
    // The demos' links hold the demo and where it stands.
    expect(links.filter((l) => /&demo=/.test(l!))).toEqual([
      expect.stringMatching(/&demo=window&stop=91$/),
      expect.stringMatching(/&demo=shrink&shift=1$/),
      expect.stringMatching(/&demo=dense&units=128$/),
    ]);
    expect(readme).toContain('[docs/demos.md](docs/demos.md)');
  });

  it('every link into the page parses, the "Watch it work" demos included', () => {
    const links = [...readme.matchAll(/\]\(\.\/(#[^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBe(EXAMPLES.length + 3);
    for (const link of links) expect(() => decodeHash(link), link).not.toThrow();
    const demos = links.map((link) => decodeHash(link).demo).filter(Boolean);
    expect(demos).toEqual(['window', 'shrink', 'dense', 'window', 'shrink', 'dense']);
  });
});

describe('spec actions', () => {
  const image28 = sampleImage();

  beforeEach(() => {
    resetStore();
    setImage(image28);
  });

  it('Reset puts every setting back to the default and keeps the image', () => {
    store.setState({
      network: networkOf(parseSpec({ padding: 'valid', stride: 2, activation: 'relu' })),
      mapDisplay: 'minmax',
      magnitude: true,
    });
    expect(resetSettings()).toBe(true);
    const state = store.getState();
    expect(state.network).toEqual(networkOf(defaultSpec()));
    expect(state.mapDisplay).toBe('robust');
    expect(state.magnitude).toBe(false);
    expect(state.image).toEqual(image28);
  });

  it('exports compact and full JSON that parse back to the spec', () => {
    const spec = parseSpec({ padding: 'valid', stride: [2, 1] });
    const compact = specFile(networkOf(spec), 'compact');
    expect(compact.name).toBe('kernelscope-spec.json');
    expect(JSON.parse(compact.json)).toEqual({ stride: [2, 1], padding: 'valid' });
    expect(JSON.parse(compact.json)).toEqual(compactSpec(spec));
    const full = specFile(networkOf(spec), 'full');
    expect(Object.keys(JSON.parse(full.json))).toHaveLength(9);
    expect(parseSpec(JSON.parse(full.json))).toEqual(spec);
  });

  it('exports a network as {layers}, and imports a {layers} file as that network', () => {
    const net = parseNetwork({
      layers: [{ padding: 'valid' }, { filters: [{ weights: [[2]] }], output: 'avgpool' }],
    });
    const compact = specFile(net, 'compact');
    const written = JSON.parse(compact.json) as { layers: Array<Record<string, unknown>> };
    expect(written.layers).toHaveLength(2);
    expect(written.layers[0]).toEqual({ padding: 'valid' });
    expect(written.layers[1]).toMatchObject({ output: 'avgpool' });
    expect(importSpecText(compact.json, 'net.json')).toBe(true);
    expect(store.getState().network).toEqual(net);
    expect(store.getState().editing).toBe(0);
    expect(importSpecText(specFile(net, 'full').json, 'net-full.json')).toBe(true);
    expect(store.getState().network).toEqual(net);
  });

  it('refuses a {layers} file naming the layer and field, and one the image cannot take', () => {
    const before = store.getState().network;
    expect(importSpecText('{"layers": [{}, {"channels": "rgb"}]}', 'two.json')).toBe(false);
    expect(store.getState().error).toMatchObject({
      key: 'spec.import.invalid',
      params: { name: 'two.json', field: 'layers[1].channels' },
    });
    // 28 → 14 → 7 → 3 → 1: a fifth 2 × 2 pooling has nothing left to pool, and a sixth layer needs it.
    const deep = JSON.stringify({ layers: [{}, {}, {}, {}, {}, {}] });
    expect(importSpecText(deep, 'deep.json')).toBe(false);
    expect(store.getState().error?.key).toBe('spec.import.image');
    expect(store.getState().network).toBe(before);
  });

  it('imports a good file', () => {
    expect(importSpecText('{"padding": "valid", "stride": 2}', 'good.json')).toBe(true);
    expect(store.getState().network).toEqual(networkOf(parseSpec({ padding: 'valid', stride: 2 })));
    expect(store.getState().error).toBeNull();
  });

  it('refuses a file that is not JSON, naming it, and keeps the spec', () => {
    const before = editedSpec(store.getState());
    expect(importSpecText('{padding: valid', 'broken.json')).toBe(false);
    expect(editedSpec(store.getState())).toBe(before);
    expect(store.getState().error).toMatchObject({
      key: 'spec.import.notJson',
      params: { name: 'broken.json' },
    });
  });

  it('refuses a bad field, naming the field', () => {
    const checked = checkSpecText('{"stride": 0}', 'zero.json');
    expect(checked).toMatchObject({
      notice: { key: 'spec.import.invalid', params: { name: 'zero.json', field: 'stride' } },
    });
    const detail = 'notice' in checked ? String(checked.notice.params?.detail) : '';
    expect(detail).toMatch(/integer from 1/);
    expect(detail.startsWith('stride:')).toBe(false);
    expect(importSpecText('{"colour": "red"}', 'x.json')).toBe(false);
    expect(store.getState().error?.params?.field).toBe('colour');
  });

  it('refuses a spec that leaves no output for the current image', () => {
    const big = Array.from({ length: 31 }, () => Array<number>(31).fill(1));
    const before = editedSpec(store.getState());
    expect(
      importSpecText(JSON.stringify({ filters: [{ weights: big }], padding: 'valid' }), 'big.json'),
    ).toBe(false);
    expect(store.getState().error?.key).toBe('spec.import.image');
    expect(editedSpec(store.getState())).toBe(before);
  });
});
