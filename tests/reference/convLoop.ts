/**
 * The whole layer of docs/spec.md as plain loops over typed arrays, written from the contract and
 * not from src/core: luma, padding (zeros / reflect / replicate), dilation, stride, flip, bias, the three
 * channel modes with 2-D or 3-D weights, the activation, then max and average pooling (valid / same, padded
 * cells ignored). It checks the tfjs core in the tests and is "the plain-JS loop" of the benchmark, so it
 * allocates per call, never per pixel, and accumulates in float64 (JS numbers).
 *
 * It computes every size itself (it imports only types from src/core), so that the tests can hold it
 * against `layerGeometry` on when a spec leaves no output.
 */
import type { LayerSpec, Padding, PoolSpec, Weights } from '../../src/core/spec.ts';

/** An array in HWC layout: `data[(y * w + x) * c + ch]`. */
export interface HwcArray {
  shape: [height: number, width: number, channels: number];
  data: Float32Array;
}

/** An RGB image [H, W, 3], values 0..255, HWC layout. */
export interface ReferenceImage {
  shape: readonly [number, number, number] | readonly number[];
  data: ArrayLike<number>;
}

export interface ReferenceOutputs {
  /** conv + bias, before the activation. */
  preActivation: HwcArray;
  /** The feature maps: activation(conv + bias) — the fixtures' `conv`. */
  conv: HwcArray;
  maxpool: HwcArray;
  avgpool: HwcArray;
}

export type RefusalReason = 'filter-sizes-differ' | 'reflect-too-wide' | 'conv-no-output' | 'pool-no-output';

/** The reference's own "this spec has no result for this image", so tests can compare it with `SpecError`s. */
export class ReferenceRefusal extends Error {
  readonly reason: RefusalReason;
  /** In a network, the 0-based layer that has no result. */
  readonly layer: number | undefined;
  constructor(reason: RefusalReason, message: string, layer?: number) {
    super(`${reason}: ${message}`);
    this.name = 'ReferenceRefusal';
    this.reason = reason;
    this.layer = layer;
  }
}

interface SidePads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** TensorFlow's SAME rule along one axis, for a window of (effective) size `window`. */
function sameAxis(size: number, window: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + window - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

function padsOf(
  padding: Padding,
  h: number,
  w: number,
  win: [number, number],
  stride: [number, number],
): SidePads {
  if (padding === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (padding === 'same') {
    const [top, bottom] = sameAxis(h, win[0], stride[0]);
    const [left, right] = sameAxis(w, win[1], stride[1]);
    return { top, bottom, left, right };
  }
  if (typeof padding === 'number') return { top: padding, bottom: padding, left: padding, right: padding };
  return { top: padding[0], bottom: padding[1], left: padding[2], right: padding[3] };
}

/**
 * For each padded position along an axis, the source index in 0..size-1, or -1 for a zero cell.
 * reflect mirrors without repeating the edge (numpy `reflect`); replicate repeats the edge.
 */
function sourceIndices(size: number, before: number, after: number, mode: LayerSpec['padMode']): Int32Array {
  const out = new Int32Array(size + before + after);
  for (let p = 0; p < out.length; p++) {
    const i = p - before;
    if (i >= 0 && i < size) out[p] = i;
    else if (mode === 'zeros') out[p] = -1;
    else if (mode === 'replicate') out[p] = i < 0 ? 0 : size - 1;
    else out[p] = i < 0 ? -i : 2 * (size - 1) - i;
  }
  return out;
}

/** Side lengths of a weights array: rows, columns, and channel depth (0 for a 2-D filter). */
function weightsShape(weights: Weights): [number, number, number] {
  const row = weights[0] ?? [];
  const cell = row[0];
  return [weights.length, row.length, Array.isArray(cell) ? cell.length : 0];
}

/** Weight at row r, column c, channel ch; a 2-D filter gives the same weight to every channel. */
function weightAt(weights: Weights, r: number, c: number, ch: number): number {
  const cell = (weights[r] as Array<number | number[]> | undefined)?.[c];
  if (cell === undefined) throw new Error(`reference: weights[${r}][${c}] is missing`);
  if (typeof cell === 'number') return cell;
  const v = cell[ch];
  if (v === undefined) throw new Error(`reference: weights[${r}][${c}][${ch}] is missing`);
  return v;
}

function activation(kind: LayerSpec['activation']): (x: number) => number {
  switch (kind) {
    case 'none':
      return (x) => x;
    case 'relu':
      return (x) => (x > 0 ? x : 0);
    case 'abs':
      return (x) => Math.abs(x);
    case 'clip':
      return (x) => (x < 0 ? 0 : x > 255 ? 255 : x);
  }
}

/**
 * Max and average pooling of maps [h, w, m], each map on its own; padded cells are skipped. Throws a
 * 'pool-no-output' refusal when the window leaves nothing.
 */
function pool(maps: HwcArray, spec: PoolSpec): { maxpool: HwcArray; avgpool: HwcArray } {
  const [h, w, m] = maps.shape;
  const [ph, pw] = spec.size;
  const [sy, sx] = spec.stride;
  const pads =
    spec.padding === 'same'
      ? padsOf('same', h, w, spec.size, spec.stride)
      : padsOf('valid', h, w, [1, 1], [1, 1]);
  const outH = Math.floor((h + pads.top + pads.bottom - ph) / sy) + 1;
  const outW = Math.floor((w + pads.left + pads.right - pw) / sx) + 1;
  if (outH < 1 || outW < 1) {
    throw new ReferenceRefusal(
      'pool-no-output',
      `a ${ph} x ${pw} pooling window with ${spec.padding} padding leaves nothing of a ${h} x ${w} map`,
    );
  }
  const maxData = new Float32Array(outH * outW * m);
  const avgData = new Float32Array(outH * outW * m);
  const best = new Float64Array(m);
  const sum = new Float64Array(m);
  const src = maps.data;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = Math.max(oy * sy - pads.top, 0);
    const y1 = Math.min(oy * sy - pads.top + ph, h);
    for (let ox = 0; ox < outW; ox++) {
      const x0 = Math.max(ox * sx - pads.left, 0);
      const x1 = Math.min(ox * sx - pads.left + pw, w);
      best.fill(-Infinity);
      sum.fill(0);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const base = (y * w + x) * m;
          for (let k = 0; k < m; k++) {
            const v = src[base + k] as number;
            if (v > (best[k] as number)) best[k] = v;
            sum[k] = (sum[k] as number) + v;
          }
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const out = (oy * outW + ox) * m;
      for (let k = 0; k < m; k++) {
        maxData[out + k] = best[k] as number;
        avgData[out + k] = (sum[k] as number) / count;
      }
    }
  }
  return {
    maxpool: { shape: [outH, outW, m], data: maxData },
    avgpool: { shape: [outH, outW, m], data: avgData },
  };
}

/**
 * Runs one layer of `spec` (complete, as `parseSpec` returns it) on `image` [H, W, 3] (0..255) with plain
 * loops. Throws a `ReferenceRefusal` when the spec has no result for this image size: filters of different
 * sizes, reflect padding wider than size - 1, or a conv or pool output of size 0.
 */
export function referenceLayer(image: ReferenceImage, spec: LayerSpec): ReferenceOutputs {
  const conv = referenceConv(imageInput(image, spec.channels), spec, spec.channels === 'rgb-per-channel');
  return { ...conv, ...pool(conv.conv, spec.pool) };
}

/** The first layer's input from an RGB image: luma for gray (C = 1), the image itself otherwise (C = 3). */
function imageInput(image: ReferenceImage, channels: LayerSpec['channels']): LayerInput {
  const [h, w, imageChannels] = image.shape as [number, number, number];
  if (imageChannels !== 3)
    throw new Error(`reference: expected an RGB image [H, W, 3], got [${image.shape.join(', ')}]`);
  const pixels = image.data;
  const gray = channels === 'gray';
  const inC = gray ? 1 : 3;
  const input = new Float64Array(h * w * inC);
  for (let i = 0; i < h * w; i++) {
    const r = pixels[3 * i] as number;
    const g = pixels[3 * i + 1] as number;
    const b = pixels[3 * i + 2] as number;
    if (gray) input[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      input[3 * i] = r;
      input[3 * i + 1] = g;
      input[3 * i + 2] = b;
    }
  }
  return { shape: [h, w, inC], data: input };
}

/** A layer's input, HWC: the image's channels, or the maps of the layer before. */
interface LayerInput {
  shape: [height: number, width: number, channels: number];
  data: ArrayLike<number>;
}

/**
 * conv + bias and the activation of `spec` over `layerInput` with plain loops: every filter sums over
 * all C input channels, or with `perChannel` is applied to each channel on its own (C maps per filter).
 */
function referenceConv(
  layerInput: LayerInput,
  spec: LayerSpec,
  perChannel: boolean,
): Pick<ReferenceOutputs, 'preActivation' | 'conv'> {
  const [h, w, inC] = layerInput.shape;
  const input = layerInput.data;
  const filters = spec.filters;
  const [kh, kw] = weightsShape((filters[0] as LayerSpec['filters'][number]).weights);
  for (const f of filters) {
    const [fh, fw] = weightsShape(f.weights);
    if (fh !== kh || fw !== kw) {
      throw new ReferenceRefusal(
        'filter-sizes-differ',
        `filters of ${kh} x ${kw} and ${fh} x ${fw} in one layer`,
      );
    }
  }

  const [dy, dx] = spec.dilation;
  const [sy, sx] = spec.stride;
  const effH = (kh - 1) * dy + 1;
  const effW = (kw - 1) * dx + 1;
  const pads = padsOf(spec.padding, h, w, [effH, effW], spec.stride);
  if (
    spec.padMode === 'reflect' &&
    (pads.top > h - 1 || pads.bottom > h - 1 || pads.left > w - 1 || pads.right > w - 1)
  ) {
    throw new ReferenceRefusal(
      'reflect-too-wide',
      `reflect padding ${JSON.stringify(pads)} on a ${h} x ${w} image`,
    );
  }
  const hp = h + pads.top + pads.bottom;
  const wp = w + pads.left + pads.right;
  const outH = Math.floor((hp - effH) / sy) + 1;
  const outW = Math.floor((wp - effW) / sx) + 1;
  if (outH < 1 || outW < 1) {
    throw new ReferenceRefusal(
      'conv-no-output',
      `a ${effH} x ${effW} kernel leaves nothing of a padded ${hp} x ${wp} image`,
    );
  }

  // The padded input, built once so that the inner loop has no bounds checks.
  const rows = sourceIndices(h, pads.top, pads.bottom, spec.padMode);
  const cols = sourceIndices(w, pads.left, pads.right, spec.padMode);
  const padded = new Float64Array(hp * wp * inC);
  for (let py = 0; py < hp; py++) {
    const sy0 = rows[py] as number;
    if (sy0 < 0) continue;
    for (let px = 0; px < wp; px++) {
      const sx0 = cols[px] as number;
      if (sx0 < 0) continue;
      for (let c = 0; c < inC; c++)
        padded[(py * wp + px) * inC + c] = input[(sy0 * w + sx0) * inC + c] as number;
    }
  }

  // Each filter flattened to [tap][channel] (tap = r * kw + c), rotated 180 degrees when flip is set;
  // offsets[tap] is where that tap reads in `padded`, relative to the window's top-left cell.
  const taps = kh * kw;
  const kernels = filters.map((f) => {
    const k = new Float64Array(taps * inC);
    for (let r = 0; r < kh; r++) {
      for (let c = 0; c < kw; c++) {
        const sr = spec.flip ? kh - 1 - r : r;
        const sc = spec.flip ? kw - 1 - c : c;
        for (let ch = 0; ch < inC; ch++) k[(r * kw + c) * inC + ch] = weightAt(f.weights, sr, sc, ch);
      }
    }
    return k;
  });
  const offsets = new Int32Array(taps);
  for (let r = 0; r < kh; r++)
    for (let c = 0; c < kw; c++) offsets[r * kw + c] = (r * dy * wp + c * dx) * inC;

  const maps = perChannel ? filters.length * inC : filters.length;
  const pre = new Float32Array(outH * outW * maps);
  const act = new Float32Array(outH * outW * maps);
  const activate = activation(spec.activation);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const origin = (oy * sy * wp + ox * sx) * inC;
      const out = (oy * outW + ox) * maps;
      for (let f = 0; f < filters.length; f++) {
        const k = kernels[f] as Float64Array;
        const bias = (filters[f] as LayerSpec['filters'][number]).bias;
        if (perChannel) {
          for (let ch = 0; ch < inC; ch++) {
            let acc = bias;
            for (let t = 0; t < taps; t++)
              acc += (k[t * inC + ch] as number) * (padded[origin + (offsets[t] as number) + ch] as number);
            pre[out + f * inC + ch] = acc;
            act[out + f * inC + ch] = activate(acc);
          }
        } else {
          let acc = bias;
          for (let t = 0; t < taps; t++) {
            const at = origin + (offsets[t] as number);
            for (let ch = 0; ch < inC; ch++) acc += (k[t * inC + ch] as number) * (padded[at + ch] as number);
          }
          pre[out + f] = acc;
          act[out + f] = activate(acc);
        }
      }
    }
  }

  return {
    preActivation: { shape: [outH, outW, maps], data: pre },
    conv: { shape: [outH, outW, maps], data: act },
  };
}

/** `run()`, a refusal it throws marked with the layer. */
function inLayer<T>(layer: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ReferenceRefusal)) throw error;
    throw new ReferenceRefusal(error.reason, `layer ${layer + 1}: ${error.message}`, layer);
  }
}

/** A layer of a network: a layer spec and the result it feeds the next layer on. */
export type ReferenceNetworkLayer = LayerSpec & { output: 'maxpool' | 'avgpool' | 'conv' };

/**
 * Runs a network (docs/spec.md, "Networks") with plain loops: layer 1 as `referenceLayer`, each later
 * layer on the result the layer before names in `output`, every filter summing over all its maps
 * (whatever `channels` a later layer carries). A pooling with no output is an empty 0 x 0 x maps array
 * on the last layer or where the conv maps feed on; where the next layer needs it, the network is
 * refused ('pool-no-output'), as is any other layer with no result.
 */
export function referenceNetwork(
  image: ReferenceImage,
  layers: readonly ReferenceNetworkLayer[],
): ReferenceOutputs[] {
  const results: ReferenceOutputs[] = [];
  let input: LayerInput | null = null;
  layers.forEach((spec, i) => {
    const conv = inLayer(i, () =>
      input
        ? referenceConv(input, spec, false)
        : referenceConv(imageInput(image, spec.channels), spec, spec.channels === 'rgb-per-channel'),
    );
    const last = i === layers.length - 1;
    let pooled: { maxpool: HwcArray; avgpool: HwcArray };
    try {
      pooled = pool(conv.conv, spec.pool);
    } catch (error) {
      if (!(error instanceof ReferenceRefusal)) throw error;
      if (!last && spec.output !== 'conv') {
        inLayer(i, () => {
          throw error;
        });
      }
      const empty = (): HwcArray => ({ shape: [0, 0, conv.conv.shape[2]], data: new Float32Array(0) });
      pooled = { maxpool: empty(), avgpool: empty() };
    }
    const outputs: ReferenceOutputs = { ...conv, ...pooled };
    results.push(outputs);
    input =
      spec.output === 'conv' ? outputs.conv : spec.output === 'maxpool' ? outputs.maxpool : outputs.avgpool;
  });
  return results;
}
