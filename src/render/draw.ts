/**
 * Tensors onto canvases. On the webgl backend nothing is read back: the tensor's texture is drawn by a
 * shader on the backend's own context and copied GPU-to-GPU into the target (webglBlit.ts); a tensor
 * larger than one texture or one draw allows is drawn so in tiles (tiles.ts). On wasm or cpu the values
 * are already on the CPU, so they are read with `await data()` and put as ImageData. Canvases are sized
 * to the tensor (one canvas pixel per value); CSS scales them with `image-rendering: pixelated`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  colormapOf,
  imageToRgba,
  lutTransform,
  maxOf,
  minOf,
  robustLutTransform,
  usesAbs,
  type MapDisplay,
} from './colorize.ts';
import { colorizeValues, type MapChannel } from './colorizeValues.ts';
import { robustHalfRanges, sampleChunks, sampleStart, sampleStrides } from './robustScale.ts';
import type { ColormapName } from './colormap.ts';
import { hostValues } from '../core/hostValues.ts';
import { noteReadback } from './readbacks.ts';
import { gpuTiles, tileOf, type Tile } from './tiles.ts';
import { drawMapTexture, drawRgbaTexture, webgl2Of } from './webglBlit.ts';

export type TargetCanvas = HTMLCanvasElement | OffscreenCanvas;

function isWebGLBackend(backend: tf.KernelBackend): backend is MathBackendWebGL {
  const candidate = backend as Partial<MathBackendWebGL>;
  return candidate.gpgpu != null && candidate.texData != null && typeof candidate.uploadToGPU === 'function';
}

/**
 * Whether maps of the active backend are drawn on the GPU (webgl: nothing read back). Otherwise their
 * values are on the CPU anyway, and a caller drawing many maps of one tensor should read it once and
 * use `drawMapValues` for each.
 */
export function drawsOnGpu(): boolean {
  const backend = tf.backend();
  return isWebGLBackend(backend) && webgl2Of(backend) !== null;
}

interface GpuPath {
  backend: MathBackendWebGL;
  gl: WebGL2RenderingContext;
}

/**
 * The webgl backend and its WebGL2 context when the GPU path can draw these tensors: the active backend
 * is webgl and holds their data. Tensors whose values are still on the CPU are uploaded first (as any
 * tfjs op would), since `dataToGPU` only hands out textures.
 */
function gpuPathFor(tensors: readonly tf.Tensor[]): GpuPath | null {
  const backend = tf.backend();
  if (!isWebGLBackend(backend)) return null;
  const gl = webgl2Of(backend);
  if (!gl) return null;
  if (!tensors.every((t) => backend.texData.has(t.dataId))) return null;
  for (const t of tensors) backend.uploadToGPU(t.dataId);
  return { backend, gl };
}

/**
 * tfjs-backend-webgl 4.22's `dataToGPU` crashes on a tensor that is a view of another (a `slice`, or a
 * reshape of one): its slice branch passes the wrong argument to itself. Such a view is first made a
 * real texture by a cheap elementwise op; the caller disposes the copy (null when none was needed).
 */
function denseCopyIfView(backend: MathBackendWebGL, t: tf.Tensor): tf.Tensor | null {
  return backend.texData.get(t.dataId)?.slice ? tf.tidy(() => tf.add(t, tf.scalar(0, t.dtype))) : null;
}

function context2d(canvas: TargetCanvas): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new Error('this canvas already has a non-2d context; the renderers draw with a 2d one');
  return ctx;
}

function sizeCanvas(canvas: TargetCanvas, width: number, height: number): void {
  // Assigning width or height clears and reallocates the canvas even when unchanged: only on change.
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

/**
 * Copies the top-left tile.width x tile.height of the webgl context's canvas into the target at the
 * tile's place, replacing those pixels and no others.
 */
function copyFromGl(gl: WebGL2RenderingContext, canvas: TargetCanvas, tile: Tile): void {
  const { x, y, width, height } = tile;
  const ctx = context2d(canvas);
  ctx.save();
  // 'copy' replaces the pixels rather than blending over them, but it also clears everything outside
  // the drawn image within the clip: clipped to the tile, it leaves the tiles already placed alone.
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
  ctx.globalCompositeOperation = 'copy';
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(gl.canvas, 0, 0, width, height, x, y, width, height);
  ctx.restore();
}

/**
 * Draws a width x height picture onto `canvas` on the GPU, tile by tile: `drawTile` draws one tile's
 * pixels into the top-left of the webgl context's canvas (false if it could not), which is then copied
 * to the tile's place. The target is sized once, before the first tile, so that the copies add up to
 * the whole picture. False if a tile could not be drawn (the caller then takes the CPU path, which
 * draws the whole picture again).
 */
function drawInTiles(
  gl: WebGL2RenderingContext,
  canvas: TargetCanvas,
  size: { width: number; height: number },
  tiles: readonly Tile[],
  drawTile: (tile: Tile) => boolean,
): boolean {
  if (tiles.length === 0) return false;
  sizeCanvas(canvas, size.width, size.height);
  for (const tile of tiles) {
    if (!drawTile(tile)) return false;
    copyFromGl(gl, canvas, tile);
  }
  return true;
}

function rgbaShape(rgba: tf.Tensor3D): [number, number] {
  const [height, width, channels] = rgba.shape;
  if (channels !== 4)
    throw new Error(`drawTensorToCanvas wants [H, W, 4] RGBA, got [${rgba.shape.join(', ')}]`);
  return [height, width];
}

/**
 * The CPU path: one read of the values (counted as a pixel readback), then putImageData. The read
 * starts synchronously, so the caller may dispose `rgba` as soon as this returns its promise.
 */
async function putRgba(rgba: tf.Tensor3D, canvas: TargetCanvas): Promise<void> {
  const [height, width] = rgbaShape(rgba);
  // Read at once where the values are on the CPU, so that draws onto one canvas land in call order.
  const values = hostValues(rgba) ?? (await rgba.data());
  noteReadback('pixels');
  const image = new ImageData(width, height);
  const bytes = image.data;
  // Uint8ClampedArray stores clamp(round-half-even(x)): exactly the float-to-byte step we want.
  for (let i = 0; i < bytes.length; i++) bytes[i] = (values[i] ?? 0) * 255;
  sizeCanvas(canvas, width, height);
  context2d(canvas).putImageData(image, 0, 0);
}

/**
 * Draws [H, W, 4] float32 RGBA in 0..1 (as made by `colorize` / `imageToRgba`) onto `canvas`, which is
 * sized W x H. On webgl this is synchronous and reads nothing back; elsewhere it returns a promise.
 * Either way the caller keeps ownership of `rgba` and may dispose it as soon as this returns.
 */
export function drawTensorToCanvas(rgba: tf.Tensor3D, canvas: TargetCanvas): Promise<void> | void {
  const [height, width] = rgbaShape(rgba);
  if (width === 0 || height === 0) return sizeCanvas(canvas, width, height);
  const gpu = gpuPathFor([rgba]);
  if (gpu && drawRgbaOnGpu(gpu, rgba, canvas, (part) => part)) return;
  return putRgba(rgba, canvas);
}

/**
 * The GPU path for pictures: `source` [H, W, C] drawn onto `canvas` tile by tile (one tile when it fits),
 * `toRgba` turning each tile of it into [h, w, 4] RGBA in 0..1 (the tile itself, or a new tensor that
 * is disposed here). Converting tile by tile keeps every tensor made here within one tile's size.
 */
function drawRgbaOnGpu(
  gpu: GpuPath,
  source: tf.Tensor3D,
  canvas: TargetCanvas,
  toRgba: (part: tf.Tensor3D) => tf.Tensor3D,
): boolean {
  const [height, width] = source.shape;
  const tiles = gpuTiles(gpu.gl, width, height, 4);
  return drawInTiles(gpu.gl, canvas, { width, height }, tiles, (tile) => {
    const part = tileOf(source, tile);
    try {
      const rgba = toRgba(part);
      try {
        return drawRgbaTile(gpu, rgba);
      } finally {
        if (rgba !== part) rgba.dispose();
      }
    } finally {
      if (part !== source) part.dispose();
    }
  });
}

/** Draws [h, w, 4] RGBA (within the texture limit) into the top-left of the webgl context's canvas. */
function drawRgbaTile(gpu: GpuPath, rgba: tf.Tensor3D): boolean {
  const [height, width] = rgba.shape;
  // customTexShape [H, W]: the dense texture then has one RGBA texel per pixel, at the pixel's place.
  const copy = denseCopyIfView(gpu.backend, rgba);
  const data = (copy ?? rgba).dataToGPU({ customTexShape: [height, width] });
  copy?.dispose();
  try {
    if (!data.texture) throw new Error('the webgl backend gave no texture for this tensor');
    return drawRgbaTexture(gpu.gl, data.texture, width, height);
  } finally {
    data.tensorRef.dispose();
  }
}

/**
 * Colours and draws one feature map [H, W] (any range) onto `canvas` in one step: the same picture as
 * `drawTensorToCanvas(colorize(map, normalize), canvas)` (the same bytes on webgl, within one level
 * elsewhere), and the way to draw maps on every backend. On webgl the colour map runs in the drawing
 * shader (only the min/max reduction runs as tf ops), which skips colorize's [H, W, 4] tensors; on
 * wasm/cpu the map's values are read once and coloured in a plain loop (colorizeValues), ~10x faster
 * than colorize there. Synchronous on webgl, a promise elsewhere. The caller keeps ownership of `map`
 * and may dispose it as soon as this returns.
 */
export function drawMap(map: tf.Tensor2D, normalize: MapDisplay, canvas: TargetCanvas): Promise<void> | void {
  const [height, width] = map.shape;
  if (width === 0 || height === 0) return sizeCanvas(canvas, width, height);
  const gpu = gpuPathFor([map]);
  if (gpu && drawMapOnGpu(gpu, map, normalize, canvas)) return;
  return putMapValues(map, normalize, canvas);
}

/**
 * The CPU path for a map: its values read once where they are (`hostValues`; counted as a pixel
 * readback), coloured by colorizeValues straight into the ImageData.
 */
async function putMapValues(map: tf.Tensor2D, normalize: MapDisplay, canvas: TargetCanvas): Promise<void> {
  const values = hostValues(map) ?? ((await map.data()) as Float32Array);
  noteReadback('pixels');
  drawMapValues(values, map.shape, { index: 0, count: 1 }, normalize, canvas);
}

/**
 * Colours and draws map `channel.index` of values already read back from an [H, W, channel.count] tensor
 * (`shape` = [H, W]): the CPU half of `drawMap`, for a caller that read a whole stage at once (one readback
 * for all its maps; tfjs-wasm slices a channel out in a JS loop, ~0.4 s per 1024² map, measured).
 */
export function drawMapValues(
  values: Float32Array,
  shape: readonly [number, number],
  channel: MapChannel,
  normalize: MapDisplay,
  canvas: TargetCanvas,
): void {
  const [height, width] = shape;
  sizeCanvas(canvas, width, height);
  if (width === 0 || height === 0) return;
  const image = imageDataFor(canvas, width, height);
  colorizeValues(values, normalize, image.data, channel, shape);
  context2d(canvas).putImageData(image, 0, 0);
}

/** Gray level g as an opaque RGBA pixel, each a 32-bit word whose bytes are R, G, B, A in memory. */
const GRAYS = new Uint32Array(256);
new Uint8Array(GRAYS.buffer).forEach((_, i, bytes) => {
  bytes[i] = i % 4 === 3 ? 255 : i >> 2;
});

/** One ImageData per canvas, reused while its size holds (putImageData copies it out). */
const imageDataCache = new WeakMap<TargetCanvas, ImageData>();

/**
 * A W x H ImageData to fill and put on `canvas`, its bytes left from the last use: every byte is written
 * again. Reusing it skips a fresh 4 MB buffer per 1024² map per edit (zeroed and faulted in by the OS: up
 * to 2x the colour pass's own time, measured in Chromium).
 */
function imageDataFor(canvas: TargetCanvas, width: number, height: number): ImageData {
  const kept = imageDataCache.get(canvas);
  if (kept && kept.width === width && kept.height === height) return kept;
  const image = new ImageData(width, height);
  imageDataCache.set(canvas, image);
  return image;
}

/**
 * The GPU path for a map: coloured by the drawing shader tile by tile (one tile when it fits), every
 * tile with the colour scale of the whole map.
 */
function drawMapOnGpu(gpu: GpuPath, map: tf.Tensor2D, normalize: MapDisplay, canvas: TargetCanvas): boolean {
  const [height, width] = map.shape;
  const tiles = gpuTiles(gpu.gl, width, height, 1);
  if (tiles.length === 0) return false;
  const params = wholeMapTransform(map, normalize, tiles);
  try {
    // For 'raw' the parameters are constants that still live on the CPU.
    gpu.backend.uploadToGPU(params.dataId);
    const paramData = params.dataToGPU({ customTexShape: [1, 1] });
    try {
      const paramTexture = paramData.texture;
      if (!paramTexture) throw new Error('the webgl backend gave no texture for the colour scale');
      const colour = { colormap: colormapOf(normalize), abs: usesAbs(normalize) };
      return drawInTiles(gpu.gl, canvas, { width, height }, tiles, (tile) => {
        const part = tileOf(map, tile);
        try {
          return drawMapTile(gpu, part, paramTexture, colour);
        } finally {
          if (part !== map) part.dispose();
        }
      });
    } finally {
      paramData.tensorRef.dispose();
    }
  } finally {
    params.dispose();
  }
}

/**
 * The colour scale [scale, offset] (lutTransform) of the whole map, once, whether it is drawn whole or
 * in tiles: a scale per tile would colour the same value differently from tile to tile. For a tiled
 * map it is taken from the smallest and largest value of every tile, which have the same min, max and
 * max |x| as the map itself, so the scale is the very same number. The map is not reduced whole there:
 * tfjs's reductions first lay their input out in a texture of one value per texel, which a map larger
 * than the texture limit may not fit in.
 */
function wholeMapTransform(map: tf.Tensor2D, normalize: MapDisplay, tiles: readonly Tile[]): tf.Tensor1D {
  if (tiles.length === 1) return lutTransform(map, normalize);
  if (normalize === 'robust') return tiledRobustTransform(map, tiles);
  return tf.tidy(() => {
    const extremes = tiles.flatMap((tile) => {
      const part = tileOf(map, tile);
      return [minOf(part), maxOf(part)];
    });
    return lutTransform(tf.stack(extremes), normalize);
  });
}

/**
 * The robust scale of a tiled map: the whole map's sample grid gathered tile by tile (each tile's
 * samples on the global grid's rows and columns), so q is the one the map would have drawn whole.
 */
function tiledRobustTransform(map: tf.Tensor2D, tiles: readonly Tile[]): tf.Tensor1D {
  const [height, width] = map.shape;
  const [sy, sx] = sampleStrides(height, width);
  return tf.tidy(() => {
    const chunks = tiles.flatMap((tile) => {
      // The first grid row (column) in the tile: the grid's rows are sampleStart(sy) + k·sy.
      const oy = (((sampleStart(sy) - tile.y) % sy) + sy) % sy;
      const ox = (((sampleStart(sx) - tile.x) % sx) + sx) % sx;
      if (oy >= tile.height || ox >= tile.width) return [];
      const part = tileOf(map, tile);
      const grid = tf.stridedSlice(part, [oy, ox], [tile.height, tile.width], [sy, sx]);
      return sampleChunks(tf.reshape(grid, [1, -1]) as tf.Tensor2D);
    });
    const q = tf.reshape(robustHalfRanges(chunks), []);
    return robustLutTransform(q as tf.Scalar);
  });
}

/**
 * Colours and draws one [h, w] map (within the texture limit) into the top-left of the webgl context's
 * canvas, with the colour scale in `params` (a 1x1 texture of [scale, offset]).
 */
function drawMapTile(
  gpu: GpuPath,
  map: tf.Tensor2D,
  params: WebGLTexture,
  colour: { colormap: ColormapName; abs: boolean },
): boolean {
  const [height, width] = map.shape;
  const texCols = Math.ceil(width / 4);
  const copy = denseCopyIfView(gpu.backend, map);
  const mapData = (copy ?? map).dataToGPU({ customTexShape: [height, texCols] });
  copy?.dispose();
  try {
    if (!mapData.texture) throw new Error('the webgl backend gave no texture for this map');
    return drawMapTexture(gpu.gl, { map: mapData.texture, texCols, params }, width, height, colour);
  } finally {
    mapData.tensorRef.dispose();
  }
}

/**
 * Draws the input image [H, W, C] in 0..255 (C = 1 gray, 3 RGB, or 4) onto `canvas`: by a shader on
 * webgl; elsewhere the values are read once and written as bytes in a plain loop (tfjs-wasm's tile and
 * concat of `imageToRgba` took ~0.8 s per 1024² image, measured in Chromium).
 */
export function drawImageTensor(image: tf.Tensor3D, canvas: TargetCanvas): Promise<void> | void {
  const [height, width, channels] = image.shape;
  if (width === 0 || height === 0) return sizeCanvas(canvas, width, height);
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`an image to draw needs 1, 3 or 4 channels, not ${channels}`);
  }
  // On webgl each tile is turned into RGBA on its own: the whole image's [H, W, 4] may not fit a texture.
  const gpu = gpuPathFor([image]);
  if (gpu && drawRgbaOnGpu(gpu, image, canvas, imageToRgba)) return;
  return putImageValues(image, canvas);
}

/** The CPU path for an image: its values read once (a pixel readback), bytes clamped and rounded. */
async function putImageValues(image: tf.Tensor3D, canvas: TargetCanvas): Promise<void> {
  const [height, width, channels] = image.shape;
  const values = hostValues(image) ?? (await image.data());
  noteReadback('pixels');
  const picture = imageDataFor(canvas, width, height);
  // A Uint8ClampedArray store is clamp(round-half-even(x)), as the GPU path's float-to-byte step.
  const bytes = picture.data;
  const n = width * height;
  if (channels === 1) {
    // One 32-bit word per pixel from a table of the 256 grays (in memory order, like colorizeValues').
    const byte = new Uint8ClampedArray(1);
    const pixels = new Uint32Array(bytes.buffer, bytes.byteOffset, n);
    for (let i = 0; i < n; i++) {
      byte[0] = values[i] as number;
      pixels[i] = GRAYS[byte[0] as number] as number;
    }
  } else {
    for (let i = 0, o = 0, s = 0; i < n; i++, o += 4, s += channels) {
      bytes[o] = values[s] as number;
      bytes[o + 1] = values[s + 1] as number;
      bytes[o + 2] = values[s + 2] as number;
      bytes[o + 3] = 255;
    }
  }
  sizeCanvas(canvas, width, height);
  context2d(canvas).putImageData(picture, 0, 0);
}
