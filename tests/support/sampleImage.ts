import type { ImageMeta } from '../../src/store/index.ts';

/** The store's record of the Fashion-MNIST sample as loaded, at a chosen size (28 × 28 unless said). */
export function sampleImage(width = 28, height = width): ImageMeta {
  return { source: 'sample', sampleId: 'fashion-mnist-9', name: 'boot', width, height };
}
