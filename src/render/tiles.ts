/**
 * Cutting a picture into tiles the webgl drawing path can take one at a time. A tensor's texture from
 * `dataToGPU` cannot be larger than tfjs's texture limit, and one draw cannot cover more than the
 * viewport and the drawing buffer allow; a larger map or image is drawn tile by tile (draw.ts), at full
 * resolution, each tile copied to its place in the target canvas.
 */
import * as tf from '@tensorflow/tfjs-core';
import { drawableRegion } from './webglBlit.ts';

/** A rectangle of a picture, in pixels from its top-left corner. */
export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The tiles of a width x height picture, row by row, each as large as one draw of the GPU path allows
 * (a single tile covering it all when it fits); empty if nothing can be drawn (no drawing buffer).
 * `valuesPerPixel` is 1 for a map, 4 for RGBA.
 */
export function gpuTiles(
  gl: WebGL2RenderingContext,
  width: number,
  height: number,
  valuesPerPixel: 1 | 4,
): Tile[] {
  // tfjs reads this flag whenever it lays out a texture (it is the device's MAX_TEXTURE_SIZE unless
  // set lower) and refuses larger ones, so it is read here on every draw too.
  const maxTexture = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
  // A tile holds at most maxTexture² values: tfjs can lay out any tensor that small, even one value a
  // texel as some of its ops do (tile, reductions), so every op on a tile fits (its RGBA tile is thus
  // half as wide and high). The tile's dense texture for drawing fits then too: [h, ceil(w / 4)] texels
  // for a map, [h, w] for RGBA.
  const side = Math.floor(maxTexture / Math.sqrt(valuesPerPixel));
  const tile = drawableRegion(gl, Math.min(width, side), Math.min(height, side));
  if (tile.width < 1 || tile.height < 1) return [];
  const tiles: Tile[] = [];
  for (let y = 0; y < height; y += tile.height) {
    for (let x = 0; x < width; x += tile.width) {
      tiles.push({ x, y, width: Math.min(tile.width, width - x), height: Math.min(tile.height, height - y) });
    }
  }
  return tiles;
}

/**
 * The tile of `t` (rows and columns on its first two axes, every other axis whole) as a tensor: `t`
 * itself when the tile covers it all, else a new tensor that the caller disposes.
 */
export function tileOf<T extends tf.Tensor>(t: T, tile: Tile): T {
  const [height, width, ...rest] = t.shape;
  if (tile.x === 0 && tile.y === 0 && tile.width === width && tile.height === height) return t;
  return tf.slice(t, [tile.y, tile.x, ...rest.map(() => 0)], [tile.height, tile.width, ...rest]) as T;
}
