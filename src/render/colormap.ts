/**
 * The two colour maps, as data: a diverging blue-white-red map for signed feature maps and a plain gray
 * ramp. One table of stops feeds every consumer, so the tf-ops path (a lookup-table tensor), the WebGL
 * shader (the same table as a texture) and the legend (a CSS gradient) can never disagree about a colour.
 */

export type ColormapName = 'diverging' | 'gray';

/** An sRGB colour, each channel 0..1. */
export type Rgb = readonly [number, number, number];

function hex(code: number): Rgb {
  return [((code >> 16) & 0xff) / 255, ((code >> 8) & 0xff) / 255, (code & 0xff) / 255];
}

/**
 * ColorBrewer RdBu (7 classes), reversed so that negative is blue and positive red: a diverging map
 * designed to be read by people with the common colour-vision deficiencies, with a near-white centre.
 * Equally spaced: stop i sits at t = i / 6, so the centre stop is exactly t = 0.5.
 */
const DIVERGING_STOPS: readonly Rgb[] = [
  hex(0x2166ac),
  hex(0x67a9cf),
  hex(0xd1e5f0),
  hex(0xf7f7f7),
  hex(0xfddbc7),
  hex(0xef8a62),
  hex(0xb2182b),
];

const GRAY_STOPS: readonly Rgb[] = [
  [0, 0, 0],
  [1, 1, 1],
];

export const COLORMAP_STOPS: Readonly<Record<ColormapName, readonly Rgb[]>> = {
  diverging: DIVERGING_STOPS,
  gray: GRAY_STOPS,
};

/**
 * Entries in each lookup table. The diverging table has an odd length so that 0 lands exactly on the
 * centre entry (index 127, t = 0.5, the neutral stop); the gray one has 256 so raw 0..255 values map
 * one to one.
 */
export const LUT_SIZE: Readonly<Record<ColormapName, number>> = { diverging: 255, gray: 256 };

/** Piecewise-linear sample of the map at t in 0..1 (clamped). */
export function sampleColormap(name: ColormapName, t: number): Rgb {
  const stops = COLORMAP_STOPS[name];
  const last = stops.length - 1;
  const x = Math.min(Math.max(Number.isNaN(t) ? 0 : t, 0), 1) * last;
  const i = Math.min(Math.floor(x), last - 1);
  const f = x - i;
  const a = stops[i] ?? stops[0]!;
  const b = stops[i + 1] ?? a;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** The lookup table as opaque RGBA rows, [LUT_SIZE[name] * 4] in 0..1: entry k is t = k / (size - 1). */
export function colormapLut(name: ColormapName): Float32Array {
  const size = LUT_SIZE[name];
  const lut = new Float32Array(size * 4);
  for (let k = 0; k < size; k++) {
    const [r, g, b] = sampleColormap(name, k / (size - 1));
    lut.set([r, g, b, 1], k * 4);
  }
  return lut;
}

/** A CSS `linear-gradient(to right, ...)` of the map from t = 0 to t = 1, for legends. */
export function colormapCssGradient(name: ColormapName): string {
  const stops = COLORMAP_STOPS[name];
  const parts = stops.map((c, i) => {
    const [r, g, b] = c.map((v) => Math.round(v * 255));
    return `rgb(${r}, ${g}, ${b}) ${((100 * i) / (stops.length - 1)).toFixed(2)}%`;
  });
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
