/** Named kernels a person can start from. Pure data; names and explanations live in the i18n messages. */
import type { MessageKey } from '../i18n/messages.ts';

export interface Preset {
  id: string;
  name: MessageKey;
  info: MessageKey;
  weights: number[][];
}

const NINTH = 1 / 9;

export const PRESETS: readonly Preset[] = [
  {
    id: 'identity',
    name: 'preset.identity',
    info: 'presetInfo.identity',
    weights: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  },
  {
    id: 'sobel-x',
    name: 'preset.sobelX',
    info: 'presetInfo.sobelX',
    weights: [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ],
  },
  {
    id: 'sobel-y',
    name: 'preset.sobelY',
    info: 'presetInfo.sobelY',
    weights: [
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ],
  },
  {
    id: 'box-blur',
    name: 'preset.boxBlur',
    info: 'presetInfo.boxBlur',
    weights: [
      [NINTH, NINTH, NINTH],
      [NINTH, NINTH, NINTH],
      [NINTH, NINTH, NINTH],
    ],
  },
  {
    id: 'sharpen',
    name: 'preset.sharpen',
    info: 'presetInfo.sharpen',
    weights: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
  },
  {
    id: 'laplacian',
    name: 'preset.laplacian',
    info: 'presetInfo.laplacian',
    weights: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The preset whose weights equal `weights` exactly, if any: an edited kernel shows "Custom". */
export function matchPreset(weights: unknown): Preset | undefined {
  const json = JSON.stringify(weights);
  return PRESETS.find((p) => JSON.stringify(p.weights) === json);
}
