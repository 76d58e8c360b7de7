/**
 * The output-size formula written out with the current numbers, as pure data (no React, no i18n):
 * per axis ⌊(W + P_before + P_after − D·(F − 1) − 1) / S⌋ + 1 = out, SAME's split of the padding, and the
 * trailing rows or columns that no window reaches (what the floor drops). Pads and output sizes are taken
 * from `layerGeometry`; nothing here re-derives the SAME rule, it only writes out its numbers.
 */
import { effectiveKernel, type LayerGeometry, type LayerSpec } from '../../core/index.ts';

export type Axis = 'height' | 'width';

/** How SAME chose its padding on one axis: out = ⌈W / S⌉, total = max((out − 1)·S + F_eff − W, 0). */
export interface SameSplit {
  /** ⌈W / S⌉, the size SAME aims for. */
  target: number;
  /** (out − 1)·S + F_eff − W, before the max with 0 (negative when the windows fit without padding). */
  raw: number;
  total: number;
  before: number;
  after: number;
}

export interface AxisFormula {
  axis: Axis;
  /** Input size along the axis (W). */
  input: number;
  padBefore: number;
  padAfter: number;
  /** Kernel (or pooling window) size F and dilation D; F_eff = D·(F − 1) + 1. */
  kernel: number;
  dilation: number;
  kernelEff: number;
  stride: number;
  /** W + P_before + P_after − D·(F − 1) − 1: what the floor divides by S. */
  numerator: number;
  out: number;
  /** Set when the padding came from the SAME rule. */
  same: SameSplit | null;
  /** Trailing cells of the padded input no window reaches: numerator mod S. */
  dropped: number;
  /** Of those, the image's own pixels (the rest are padding). */
  droppedImage: number;
}

function axisFormula(
  axis: Axis,
  input: number,
  padBefore: number,
  padAfter: number,
  kernel: number,
  dilation: number,
  stride: number,
  out: number,
  isSame: boolean,
): AxisFormula {
  const kernelEff = effectiveKernel(kernel, dilation);
  const numerator = input + padBefore + padAfter - kernelEff;
  const computed = Math.floor(numerator / stride) + 1;
  if (computed !== out) {
    throw new Error(`formula gives ${computed} for the ${axis} but the layer geometry says ${out}`);
  }
  const dropped = numerator - (out - 1) * stride;
  const droppedImage = Math.max(0, dropped - padAfter);
  let same: SameSplit | null = null;
  if (isSame) {
    const target = Math.ceil(input / stride);
    same = {
      target,
      raw: (target - 1) * stride + kernelEff - input,
      total: padBefore + padAfter,
      before: padBefore,
      after: padAfter,
    };
  }
  return {
    axis,
    input,
    padBefore,
    padAfter,
    kernel,
    dilation,
    kernelEff,
    stride,
    numerator,
    out,
    same,
    dropped,
    droppedImage,
  };
}

/** The conv layer's formula for the height and the width. `geometry` is `layerGeometry(spec, H, W)`. */
export function convFormulas(spec: LayerSpec, geometry: LayerGeometry): [AxisFormula, AxisFormula] {
  const { pads, input, kernel, conv } = geometry;
  const same = spec.padding === 'same';
  return [
    axisFormula(
      'height',
      input.height,
      pads.top,
      pads.bottom,
      kernel[0],
      spec.dilation[0],
      spec.stride[0],
      conv.height,
      same,
    ),
    axisFormula(
      'width',
      input.width,
      pads.left,
      pads.right,
      kernel[1],
      spec.dilation[1],
      spec.stride[1],
      conv.width,
      same,
    ),
  ];
}

/** The pooling's formula (window F, stride S, no dilation) on the feature maps, per axis. */
export function poolFormulas(spec: LayerSpec, geometry: LayerGeometry): [AxisFormula, AxisFormula] {
  const { pool, conv } = geometry;
  const same = spec.pool.padding === 'same';
  return [
    axisFormula(
      'height',
      conv.height,
      pool.pads.top,
      pool.pads.bottom,
      spec.pool.size[0],
      1,
      spec.pool.stride[0],
      pool.height,
      same,
    ),
    axisFormula(
      'width',
      conv.width,
      pool.pads.left,
      pool.pads.right,
      spec.pool.size[1],
      1,
      spec.pool.stride[1],
      pool.width,
      same,
    ),
  ];
}

/** A number as the formula shows it: a minus sign (−) rather than a hyphen. */
function n(value: number): string {
  return value < 0 ? `−${-value}` : String(value);
}

/**
 * The formula with its numbers, e.g. `⌊(28 + 0 + 0 − 1·(7 − 1) − 1) / 1⌋ + 1 = 22`. The dilation term is
 * always written out (D·(F − 1)), so the shape of the line does not change when dilation does.
 */
export function formulaText(f: AxisFormula): string {
  return (
    `⌊(${f.input} + ${f.padBefore} + ${f.padAfter} − ${f.dilation}·(${f.kernel} − 1) − 1) / ${f.stride}⌋ + 1` +
    ` = ⌊${n(f.numerator)} / ${f.stride}⌋ + 1 = ${f.out}`
  );
}

/** SAME's arithmetic, e.g. `⌈28 / 2⌉ = 14; max((14 − 1)·2 + 3 − 28, 0) = 1 → 0 + 1`. */
export function sameText(f: AxisFormula): string | null {
  const s = f.same;
  if (!s) return null;
  return (
    `⌈${f.input} / ${f.stride}⌉ = ${s.target}; ` +
    `max((${s.target} − 1)·${f.stride} + ${f.kernelEff} − ${f.input}, 0) = ${s.total} → ${s.before} + ${s.after}`
  );
}

/** The course notes' form (W − F + 2P) / S + 1, when it applies exactly: symmetric padding, no dilation. */
export function courseText(f: AxisFormula): string | null {
  if (f.padBefore !== f.padAfter || f.dilation !== 1) return null;
  const value = (f.input - f.kernel + 2 * f.padBefore) / f.stride + 1;
  const shown = Number.isInteger(value) ? String(value) : `${Math.round(value * 100) / 100}`;
  return `(${f.input} − ${f.kernel} + 2·${f.padBefore}) / ${f.stride} + 1 = ${shown}${
    Number.isInteger(value) ? '' : ` → ${f.out}`
  }`;
}
