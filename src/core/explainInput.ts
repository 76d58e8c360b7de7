/** The values an explanation reads (a layer's input on the CPU) and the checks that it and the pixel fit. */
import { stageSize } from './cellWindows.ts';
import type { LayerGeometry } from './geometry.ts';
import type { Stage } from './stage.ts';

/**
 * A layer's input on the CPU, row-major [H, W, C]: for layer 1 the image, C = 1 (gray, luma) or 3 (RGB),
 * values 0..255; for a deeper layer the C maps the layer before feeds it.
 */
export interface LayerInputValues {
  data: ArrayLike<number>;
  height: number;
  width: number;
  channels: number;
}

export function checkInput(input: LayerInputValues, geometry: LayerGeometry): void {
  const { height, width, channels } = geometry.input;
  if (input.height !== height || input.width !== width || input.channels !== channels) {
    throw new Error(
      `explain: input is ${input.height} x ${input.width} x ${input.channels}, ` +
        `the layer expects ${height} x ${width} x ${channels}`,
    );
  }
}

export function checkPixel(geometry: LayerGeometry, stage: Stage, map: number, y: number, x: number): void {
  const { height, width } = stageSize(geometry, stage);
  if (
    !Number.isInteger(map) ||
    !Number.isInteger(y) ||
    !Number.isInteger(x) ||
    map < 0 ||
    map >= geometry.conv.maps ||
    y < 0 ||
    y >= height ||
    x < 0 ||
    x >= width
  ) {
    throw new RangeError(
      `explain: ${stage} map ${map} pixel (${y}, ${x}) is outside ${height} x ${width} x ${geometry.conv.maps}`,
    );
  }
}
