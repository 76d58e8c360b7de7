/**
 * Named kernels a person can start from. Pure data; names and one-line explanations live in the i18n
 * messages (kernel.ts). The Gaussian is generated (gaussian.ts) from a size and σ the person picks.
 */
import type { Weights } from '../core/index.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { DEFAULT_GAUSSIAN, gaussianKernel, matchGaussian } from './gaussian.ts';
import { as2D, type Grid } from './ops.ts';

export type PresetGroup = 'basic' | 'edges' | 'blur' | 'sharpen';

export interface Preset {
  id: string;
  name: MessageKey;
  info: MessageKey;
  group: PresetGroup;
  /** The kernel (for the Gaussian: its default size and σ). */
  weights: Grid;
}

export const PRESET_GROUPS: readonly { id: PresetGroup; label: MessageKey }[] = [
  { id: 'basic', label: 'presetGroup.basic' },
  { id: 'edges', label: 'presetGroup.edges' },
  { id: 'blur', label: 'presetGroup.blur' },
  { id: 'sharpen', label: 'presetGroup.sharpen' },
];

const NINTH = 1 / 9;
const TWENTY_FIFTH = 1 / 25;
const FIFTH = 1 / 5;

export const SOBEL_X_GRID: Grid = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
export const SOBEL_Y_GRID: Grid = [
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
];

function filled(size: number, value: number): Grid {
  return Array.from({ length: size }, () => Array<number>(size).fill(value));
}

/** The 5 x 5 unsharp mask: 2 x identity minus a binomial (≈ Gaussian) blur, i.e. -1/256 x [...]. */
const UNSHARP: Grid = [
  [1, 4, 6, 4, 1],
  [4, 16, 24, 16, 4],
  [6, 24, -476, 24, 6],
  [4, 16, 24, 16, 4],
  [1, 4, 6, 4, 1],
].map((row) => row.map((v) => -v / 256));

export const GAUSSIAN_ID = 'gaussian';

export const PRESETS: readonly Preset[] = [
  {
    id: 'identity',
    name: 'preset.identity',
    info: 'presetInfo.identity',
    group: 'basic',
    weights: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  },
  { id: 'sobel-x', name: 'preset.sobelX', info: 'presetInfo.sobelX', group: 'edges', weights: SOBEL_X_GRID },
  { id: 'sobel-y', name: 'preset.sobelY', info: 'presetInfo.sobelY', group: 'edges', weights: SOBEL_Y_GRID },
  {
    id: 'scharr-x',
    name: 'preset.scharrX',
    info: 'presetInfo.scharrX',
    group: 'edges',
    weights: [
      [-3, 0, 3],
      [-10, 0, 10],
      [-3, 0, 3],
    ],
  },
  {
    id: 'scharr-y',
    name: 'preset.scharrY',
    info: 'presetInfo.scharrY',
    group: 'edges',
    weights: [
      [-3, -10, -3],
      [0, 0, 0],
      [3, 10, 3],
    ],
  },
  {
    id: 'prewitt-x',
    name: 'preset.prewittX',
    info: 'presetInfo.prewittX',
    group: 'edges',
    weights: [
      [-1, 0, 1],
      [-1, 0, 1],
      [-1, 0, 1],
    ],
  },
  {
    id: 'prewitt-y',
    name: 'preset.prewittY',
    info: 'presetInfo.prewittY',
    group: 'edges',
    weights: [
      [-1, -1, -1],
      [0, 0, 0],
      [1, 1, 1],
    ],
  },
  {
    id: 'edge-45',
    name: 'preset.edge45',
    info: 'presetInfo.edge45',
    group: 'edges',
    weights: [
      [-2, -1, 0],
      [-1, 0, 1],
      [0, 1, 2],
    ],
  },
  {
    id: 'edge-135',
    name: 'preset.edge135',
    info: 'presetInfo.edge135',
    group: 'edges',
    weights: [
      [0, 1, 2],
      [-1, 0, 1],
      [-2, -1, 0],
    ],
  },
  {
    id: 'laplacian',
    name: 'preset.laplacian',
    info: 'presetInfo.laplacian',
    group: 'edges',
    weights: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
  },
  {
    id: 'laplacian-8',
    name: 'preset.laplacian8',
    info: 'presetInfo.laplacian8',
    group: 'edges',
    weights: [
      [1, 1, 1],
      [1, -8, 1],
      [1, 1, 1],
    ],
  },
  {
    id: 'outline',
    name: 'preset.outline',
    info: 'presetInfo.outline',
    group: 'edges',
    weights: [
      [-1, -1, -1],
      [-1, 8, -1],
      [-1, -1, -1],
    ],
  },
  {
    id: 'box-blur',
    name: 'preset.boxBlur',
    info: 'presetInfo.boxBlur',
    group: 'blur',
    weights: filled(3, NINTH),
  },
  {
    id: 'box-blur-5',
    name: 'preset.boxBlur5',
    info: 'presetInfo.boxBlur5',
    group: 'blur',
    weights: filled(5, TWENTY_FIFTH),
  },
  {
    id: GAUSSIAN_ID,
    name: 'preset.gaussian',
    info: 'presetInfo.gaussian',
    group: 'blur',
    weights: gaussianKernel(DEFAULT_GAUSSIAN.size, DEFAULT_GAUSSIAN.sigma),
  },
  {
    id: 'motion-blur',
    name: 'preset.motionBlur',
    info: 'presetInfo.motionBlur',
    group: 'blur',
    weights: Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => (r === c ? FIFTH : 0))),
  },
  {
    id: 'sharpen',
    name: 'preset.sharpen',
    info: 'presetInfo.sharpen',
    group: 'sharpen',
    weights: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
  },
  { id: 'unsharp', name: 'preset.unsharp', info: 'presetInfo.unsharp', group: 'sharpen', weights: UNSHARP },
  {
    id: 'emboss',
    name: 'preset.emboss',
    info: 'presetInfo.emboss',
    group: 'sharpen',
    weights: [
      [-2, -1, 0],
      [-1, 1, 1],
      [0, 1, 2],
    ],
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/**
 * The preset whose weights equal `weights` (in every channel, for a 3-D kernel), if any: an edited kernel
 * shows "Custom". Any Gaussian made by `gaussianKernel` counts as the Gaussian preset.
 */
export function matchPreset(weights: unknown): Preset | undefined {
  if (!Array.isArray(weights)) return undefined;
  const grid = as2D(weights as Weights);
  if (!grid) return undefined;
  const json = JSON.stringify(grid);
  const exact = PRESETS.find((p) => p.id !== GAUSSIAN_ID && JSON.stringify(p.weights) === json);
  if (exact) return exact;
  return matchGaussian(grid) ? findPreset(GAUSSIAN_ID) : undefined;
}
