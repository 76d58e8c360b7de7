/** Equivalent code for the current layer in TensorFlow.js, Keras and PyTorch (pure string generators). */
import type { LayerGeometry, LayerSpec } from '../core/index.ts';
import { kerasCode } from './keras.ts';
import { makePlan, type CodeImage } from './plan.ts';
import { pytorchCode } from './pytorch.ts';
import { tfjsCode } from './tfjs.ts';

export type { CodeImage } from './plan.ts';

export const CODE_LANGUAGES = ['tfjs', 'keras', 'pytorch'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export const CODE_LANGUAGE_NAMES: Record<CodeLanguage, string> = {
  tfjs: 'TensorFlow.js',
  keras: 'Keras',
  pytorch: 'PyTorch',
};

export function generateCode(
  language: CodeLanguage,
  spec: LayerSpec,
  geometry: LayerGeometry,
  image: CodeImage,
): string {
  const plan = makePlan(spec, geometry, image);
  switch (language) {
    case 'tfjs':
      return tfjsCode(plan);
    case 'keras':
      return kerasCode(plan);
    case 'pytorch':
      return pytorchCode(plan);
  }
}
