/**
 * The network view (docs/spec.md, "Networks"), end to end on the 28 × 28 Fashion-MNIST sample: "Add layer"
 * makes a region "Layer 2" with its maps captioned as core's networkGeometry sizes them; an edit of a
 * layer-2 weight redraws layer 2 and leaves every layer-1 canvas as it was; a `#spec={"layers":[…]}` link
 * opens three layers with their receptive fields (3, 8, 18); a layer-3 pixel traces its window on the
 * maps between and on the input; what a layer feeds on; removing a layer; a network too deep for the
 * image refused; a deeper map's values (the inspector's) equal to src/core's; axe on three layers. On wasm
 * (the view and its names do not depend on the backend), and the layer-2 edit once on webgl.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultSpec,
  disposeNetworkOutputs,
  linkLayers,
  networkGeometry,
  newLayer,
  parseNetwork,
  receptiveField,
  runNetwork,
  type NetworkSpec,
} from '../../src/core/index.ts';
import { PRESETS, SOBEL_X_GRID, SOBEL_Y_GRID } from '../../src/kernels/presets.ts';
import {
  alertText,
  backendQuery,
  canvas,
  differingPixels,
  expectShape,
  isUniform,
  kernelCell,
  readCanvas,
  redrawAfter,
  REPO_ROOT,
  screenshot,
  typeInto,
  useBrowser,
  type Pixels,
} from './support.ts';

const { open } = useBrowser({ backend: 'wasm' });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SAMPLE = 'fashion-mnist-9';
const SIZE = 28;

const SOBEL_X = SOBEL_X_GRID;
const SOBEL_Y = SOBEL_Y_GRID;
const LAPLACE = PRESETS.find((p) => p.id === 'laplacian')?.weights;

/** Three 3 × 3 layers with 2 × 2 max pooling: 28 → 14 → 7 → 3, receptive fields 3, 8, 18. */
const THREE_LAYERS = {
  layers: [
    { filters: [{ weights: SOBEL_X }, { weights: SOBEL_Y }], activation: 'relu' },
    { filters: [{ weights: LAPLACE }, { weights: SOBEL_X, bias: 1 }], activation: 'relu' },
    { filters: [{ weights: SOBEL_Y }], activation: 'relu' },
  ],
};

function link(spec: object): string {
  return `#spec=${encodeURIComponent(JSON.stringify(spec))}&sample=${SAMPLE}&lang=en`;
}

const region = (p: Page, name: string) => p.getByRole('region', { name, exact: true });
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const feeds = (p: Page, name: string) =>
  p
    .getByRole('radiogroup', { name: 'Feeds the next layer', exact: true })
    .getByRole('radio', { name, exact: true });

/** The names of layer `n`'s (1-based) canvases of map `m`: layer 1 keeps the single-layer names. */
function mapNames(n: number, m: number): string[] {
  return n === 1
    ? [`Feature map ${m}`, `Max pooling ${m}`, `Average pooling ${m}`]
    : [`Layer ${n} feature map ${m}`, `Layer ${n} max pooling ${m}`, `Layer ${n} average pooling ${m}`];
}

/** `H × W` of every layer's feature maps and poolings, as core's networkGeometry sizes them. */
function shapesOf(net: NetworkSpec): { conv: string; pool: string; maps: number }[] {
  return networkGeometry(net, SIZE, SIZE).map((g) => ({
    conv: `${g.conv.height} × ${g.conv.width}`,
    pool: `${g.pool.height} × ${g.pool.width}`,
    maps: g.conv.maps,
  }));
}

/** Every layer's captions and the text "Receptive field R × R" of each region "Layer N" (N ≥ 2). */
async function expectNetwork(p: Page, net: NetworkSpec): Promise<void> {
  const shapes = shapesOf(net);
  for (const [i, { conv, pool, maps }] of shapes.entries()) {
    const n = i + 1;
    for (let m = 1; m <= maps; m++) {
      const [features, max, avg] = mapNames(n, m) as [string, string, string];
      await expectShape(p, features, conv);
      await expectShape(p, max, pool);
      await expectShape(p, avg, pool);
    }
    expect(await canvas(p, mapNames(n, maps + 1)[0] as string).count(), `layer ${n} has ${maps} maps`).toBe(
      0,
    );
    if (n === 1) continue;
    const { rows, cols } = receptiveField(net, i);
    await expect
      .poll(() => region(p, `Layer ${n}`).innerText(), { message: `region "Layer ${n}"` })
      .toContain(`Receptive field ${rows.r} × ${cols.r}`);
  }
  expect(await region(p, `Layer ${shapes.length + 1}`).count(), 'no region after the last layer').toBe(0);
}

/** The pixels of every named canvas. */
async function readAll(p: Page, names: readonly string[]): Promise<Map<string, Pixels>> {
  const out = new Map<string, Pixels>();
  for (const name of names) out.set(name, await readCanvas(p, name));
  return out;
}

/** Moves the mouse over the centre of pixel (y, x) of canvas `name` showing `size` × `size` cells. */
async function hover(p: Page, name: string, size: number, y: number, x: number): Promise<void> {
  const target = canvas(p, name);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`canvas "${name}" is not visible`);
  await p.mouse.move(box.x + ((x + 0.5) / size) * box.width, box.y + ((y + 0.5) / size) * box.height);
}

/** data-top/left/height/width of an outline element. */
async function rectOf(
  outline: Locator,
): Promise<{ top: number; left: number; height: number; width: number }> {
  return outline.evaluate((el) => ({
    top: Number(el.getAttribute('data-top')),
    left: Number(el.getAttribute('data-left')),
    height: Number(el.getAttribute('data-height')),
    width: Number(el.getAttribute('data-width')),
  }));
}

/** The figure holding canvas `name`. */
function figureOf(p: Page, name: string): Locator {
  return p.getByRole('figure').filter({ has: canvas(p, name) });
}

/** The sample as the page reads it: its gray PNG as RGB [H, W, 3] values 0..255. */
function sampleTensor(): tf.Tensor3D {
  const png = PNG.sync.read(readFileSync(path.join(REPO_ROOT, 'public/samples', `${SAMPLE}.png`)));
  const rgb = new Float32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    for (let c = 0; c < 3; c++) rgb[3 * i + c] = png.data[4 * i + c] as number;
  }
  return tf.tensor3d(rgb, [png.height, png.width, 3]);
}

/** The value after " = " in the inspector's one-line summary (its polite live region). */
async function summaryValue(p: Page): Promise<number> {
  const text = (await region(p, 'Inspector').locator('[aria-live="polite"]').innerText()).trim();
  const match = / = ([−\d.]+)$/.exec(text);
  if (!match) throw new Error(`no " = value" in the inspector's summary "${text}"`);
  return Number((match[1] as string).replace('−', '-'));
}

async function audit(p: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await p.evaluate(AXE_SOURCE);
  const found = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The page's default layer and the one "Add layer" puts after it, as the store builds them. */
function defaultTwoLayers(): NetworkSpec {
  const first = { ...defaultSpec(), output: 'maxpool' as const };
  return { layers: linkLayers([first, newLayer(first)]) };
}

/** Types `value` into filter 1's cell (1, 1) of the edited layer and waits for the redraw. */
async function editCell(p: Page, value: string): Promise<void> {
  await redrawAfter(p, () => typeInto(kernelCell(p, 1, 1, 1), value), `typing ${value} into the cell`);
}

/** Edit layer `n`: its button pressed, the others not. */
async function editLayer(p: Page, n: number): Promise<void> {
  await button(p, `Edit layer ${n}`).click();
  await expect.poll(() => button(p, `Edit layer ${n}`).getAttribute('aria-pressed')).toBe('true');
}

/** A layer-2 weight edited: every layer-2 canvas changes, every layer-1 canvas keeps its pixels. */
async function expectLayer2EditAlone(p: Page, value: string): Promise<void> {
  const layer1 = ['Input image', ...mapNames(1, 1)];
  const layer2 = mapNames(2, 1);
  const before = await readAll(p, [...layer1, ...layer2]);
  await editLayer(p, 2);
  await editCell(p, value);
  const after = await readAll(p, [...layer1, ...layer2]);
  for (const name of layer1) {
    expect(differingPixels(before.get(name)!, after.get(name)!), `${name}: pixels that changed`).toBe(0);
  }
  for (const name of layer2) {
    expect(isUniform(after.get(name)!), `${name} shows something`).toBe(false);
    expect(
      differingPixels(before.get(name)!, after.get(name)!),
      `${name}: pixels that changed`,
    ).toBeGreaterThan(0);
  }
}

describe('a network on the 28 × 28 sample (wasm)', () => {
  let page: Page;
  // One page for the walk: each test starts where the last one ended (said in each).
  beforeAll(async () => {
    ({ page } = await open({ hash: `#sample=${SAMPLE}&lang=en` }));
  });

  it('"Add layer" adds the region "Layer 2" with its maps, captioned as core sizes them', async () => {
    expect(await region(page, 'Layer 2').count(), 'one layer: no region "Layer 2"').toBe(0);
    expect(await button(page, 'Edit layer 1').getAttribute('aria-pressed')).toBe('true');
    await redrawAfter(page, () => button(page, 'Add layer').click(), 'Add layer');
    expect(await button(page, 'Edit layer 2').getAttribute('aria-pressed'), 'the new layer is edited').toBe(
      'true',
    );
    expect(await button(page, 'Edit layer 1').getAttribute('aria-pressed')).toBe('false');
    // 28 × 28 → conv 28 × 28 (same) → pool 14 × 14 → layer 2: 14 × 14, pooled 7 × 7; field 3 → 4 → 8.
    await expectNetwork(page, defaultTwoLayers());
    await expect.poll(() => region(page, 'Layer 2').innerText()).toContain('Receptive field 8 × 8');
  });

  it('an edit of a layer-2 weight redraws layer 2 and leaves every layer-1 canvas as it was', async () => {
    await expectLayer2EditAlone(page, '5');
  });

  it('a #spec={"layers":[…]} link opens three layers: shapes and receptive fields 3, 8, 18', async () => {
    await redrawAfter(
      page,
      () => page.evaluate((hash) => (location.hash = hash), link(THREE_LAYERS)),
      'the link',
    );
    const net = parseNetwork(THREE_LAYERS);
    expect([0, 1, 2].map((i) => receptiveField(net, i).rows.r)).toEqual([3, 8, 18]);
    await expectNetwork(page, net);
    await expect.poll(() => region(page, 'Layer 3').innerText()).toContain('Receptive field 18 × 18');
    await screenshot(page, 'network-three-layers');
  });

  it('a layer-3 pixel traces its 18 × 18 window on the input and its windows on the maps between', async () => {
    // Layer 3's feature maps are 7 × 7; pixel (3, 3) reads rows and columns 5..22 of the input.
    await hover(page, 'Layer 3 feature map 1', 7, 3, 3);
    const field = page.locator('.receptive-field');
    await expect.poll(() => field.count(), { message: 'an outline over the input' }).toBe(1);
    expect(await rectOf(field)).toEqual({ top: 5, left: 5, height: 18, width: 18 });
    // On the way: 3 × 3 on layer 2's max pooling, 6 × 6 on its feature maps, 8 × 8 on layer 1's
    // max pooling, 16 × 16 on its feature maps.
    for (const [name, side] of [
      ['Layer 2 max pooling 1', 3],
      ['Layer 2 feature map 2', 6],
      ['Max pooling 1', 8],
      ['Feature map 2', 16],
    ] as const) {
      const outline = figureOf(page, name).locator('.trace-outline');
      await expect.poll(() => outline.count(), { message: `an outline over ${name}` }).toBe(1);
      const rect = await rectOf(outline);
      expect([rect.height, rect.width], `the window on ${name}`).toEqual([side, side]);
    }
    await screenshot(page, 'network-traced-pixel');
    await page.mouse.move(2, 2);
  });

  it('"Feeds the next layer": layer 1 feeding its feature maps makes layer 2 28 × 28, field 5', async () => {
    await editLayer(page, 1);
    expect(await feeds(page, 'Max pooling').isChecked()).toBe(true);
    await redrawAfter(page, () => feeds(page, 'Feature maps').check(), 'Feeds the next layer: Feature maps');
    await expectShape(page, 'Layer 2 feature map 1', '28 × 28');
    await expect.poll(() => region(page, 'Layer 2').innerText()).toContain('Receptive field 5 × 5');
    await redrawAfter(page, () => feeds(page, 'Max pooling').check(), 'Feeds the next layer: Max pooling');
    await expectNetwork(page, parseNetwork(THREE_LAYERS));
  });

  it("layer 3's feature map holds src/core's values (the inspector's, at six pixels)", async () => {
    // A deeper map has no Save button (its tile opens large instead): its values are read where the
    // page writes them, the inspector's " = value", computed from the maps the engine made for layer 2
    // (read back from it), so a wrong layer 1 or 2 shows here. The largest value and five other pixels.
    const image = sampleTensor();
    const outputs = runNetwork(image, parseNetwork(THREE_LAYERS));
    const features = outputs[2]!.featureMaps;
    const [h, w, maps] = features.shape;
    const core = (await features.data()) as Float32Array;
    disposeNetworkOutputs(outputs);
    image.dispose();
    const at = (i: number) => core[i * maps] as number;
    let top = 0;
    for (let i = 1; i < h * w; i++) if (at(i) > at(top)) top = i;
    expect(at(top), 'the map is not all zeros').toBeGreaterThan(1);
    const pixels = [top, 0, 3 * w + 3, h * w - 1, 2 * w + 5, (h - 2) * w + 1];
    for (const i of pixels) {
      const [y, x] = [Math.floor(i / w), i % w];
      await hover(page, 'Layer 3 feature map 1', h, y, x);
      // The inspector writes 2 decimals (3 below 1, 1 from 1000): half the last digit, and float32.
      const want = at(i);
      const rounding = Math.abs(want) >= 1000 ? 0.05 : Math.abs(want) >= 1 ? 0.005 : 0.0005;
      const where = `Layer 3 feature map 1 at row ${y + 1}, column ${x + 1}`;
      await expect.poll(() => summaryValue(page), { message: where }).toBeCloseTo(want, 0);
      expect(Math.abs((await summaryValue(page)) - want), where).toBeLessThanOrEqual(
        rounding + 1e-4 * Math.abs(want),
      );
    }
    await page.mouse.move(2, 2);
  });

  it('axe finds no serious or critical violation on three layers', async () => {
    const found = await audit(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  it('"Remove layer 3" removes its region and canvases; layer 2 stays', async () => {
    await editLayer(page, 3);
    await redrawAfter(page, () => button(page, 'Remove layer 3').click(), 'Remove layer 3');
    expect(await region(page, 'Layer 3').count()).toBe(0);
    expect(await canvas(page, 'Layer 3 feature map 1').count()).toBe(0);
    expect(await button(page, 'Edit layer 3').count()).toBe(0);
    await expectNetwork(page, { layers: parseNetwork(THREE_LAYERS).layers.slice(0, 2) });
  });

  it('a network too deep for 28 × 28 is refused, naming the layer, and the page keeps its network', async () => {
    // 28 → 14 → 7 → 3 → 1: layer 5 makes 1 × 1 maps whose pooling is empty, explained in place as the
    // last layer's may be; a layer 6 would need that empty pooling as its input: refused.
    for (const n of [3, 4, 5])
      await redrawAfter(page, () => button(page, 'Add layer').click(), `Add layer (${n})`);
    await expectShape(page, 'Layer 4 feature map 1', '3 × 3');
    await expectShape(page, 'Layer 4 max pooling 1', '1 × 1');
    await expectShape(page, 'Layer 5 feature map 1', '1 × 1');
    expect(await canvas(page, 'Layer 5 max pooling 1').count(), 'layer 5 has no pooling').toBe(0);
    expect(await alertText(page), 'five layers fit').toBe('');
    await button(page, 'Add layer').click();
    await expect
      .poll(() => alertText(page), { message: 'an alert naming the layer' })
      .toMatch(/layers\[4\]\.pool\.size.*layer 6/i);
    expect(await region(page, 'Layer 6').count(), 'no sixth layer').toBe(0);
    expect(await button(page, 'Edit layer 6').count()).toBe(0);
    expect(await region(page, 'Layer 5').count(), 'the five layers stay').toBe(1);
    await expectShape(page, 'Layer 5 feature map 1', '1 × 1');
    await screenshot(page, 'network-too-deep');
  });
});

describe('a network on webgl', () => {
  it('an edit of a layer-2 weight redraws layer 2 alone (pixels read from the screen)', async () => {
    // The network "Add layer" makes from the defaults: the fewest canvases and shapes to compile.
    const { page } = await open({
      query: backendQuery('webgl'),
      hash: link({ layers: [{}, { activation: 'relu' }] }),
    });
    await expectShape(page, 'Layer 2 feature map 1', '14 × 14');
    await expectLayer2EditAlone(page, '-3');
  });
});
