import type { LayerOutput } from '../../core/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** A layer's result as a phrase ("max pooling"), as in "Input: layer 1's max pooling". */
export const RESULT_NAME: Record<LayerOutput, MessageKey> = {
  conv: 'shapes.result.conv',
  maxpool: 'shapes.result.maxpool',
  avgpool: 'shapes.result.avgpool',
};
