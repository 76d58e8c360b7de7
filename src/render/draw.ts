/**
 * Tensors onto canvases. On the webgl backend nothing is read back: the tensor's texture is drawn by a
 * shader on the backend's own context and copied GPU-to-GPU into the target (webglBlit.ts). On wasm or
 * cpu the values are already on the CPU, so they are read with `await data()` and put as ImageData.
 * Canvases are sized to the tensor (one canvas pixel per value); CSS scales them with
 * `image-rendering: pixelated`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { colormapOf, imageToRgba, lutTransform, maxOf, minOf, usesAbs, type Normalize } from './colorize.ts';
import { colorizeValues, type MapChannel } from './colorizeValues.ts';
import { hostValues } from './hostValues.ts';
import { noteReadback } from './readbacks.ts';
import { drawMapTexture, drawRgbaTexture, prepareBlit, webgl2Of } from './webglBlit.ts';

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

/**
 * The webgl backend and its WebGL2 context when the GPU path can draw these tensors: the active backend
 * is webgl and holds their data. Tensors whose values are still on the CPU are uploaded first (as any
 * tfjs op would), since `dataToGPU` only hands out textures.
 */
function gpuPathFor(
  tensors: readonly tf.Tensor[],
): { backend: MathBackendWebGL; gl: WebGL2RenderingContext } | null {
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

/** Copies the top-left width x height of the webgl context's canvas into the target, replacing it. */
function copyFromGl(gl: WebGL2RenderingContext, canvas: TargetCanvas, width: number, height: number): void {
  sizeCanvas(canvas, width, height);
  const ctx = context2d(canvas);
  ctx.save();
  ctx.globalCompositeOperation = 'copy';
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(gl.canvas, 0, 0, width, height, 0, 0, width, height);
  ctx.restore();
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
  if (!gpu) return putRgba(rgba, canvas);
  // customTexShape [H, W]: the dense texture then has one RGBA texel per pixel, at the pixel's place.
  const copy = denseCopyIfView(gpu.backend, rgba);
  const data = (copy ?? rgba).dataToGPU({ customTexShape: [height, width] });
  copy?.dispose();
  let drawn: boolean;
  try {
    if (!data.texture) throw new Error('the webgl backend gave no texture for this tensor');
    drawn = drawRgbaTexture(gpu.gl, data.texture, width, height);
  } finally {
    data.tensorRef.dispose();
  }
  if (!drawn) return putRgba(rgba, canvas);
  copyFromGl(gpu.gl, canvas, width, height);
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
export function drawMap(map: tf.Tensor2D, normalize: Normalize, canvas: TargetCanvas): Promise<void> | void {
  const [height, width] = map.shape;
  if (width === 0 || height === 0) return sizeCanvas(canvas, width, height);
  const gpu = gpuPathFor([map]);
  if (gpu && drawMapOnGpu(gpu.backend, gpu.gl, map, normalize)) {
    copyFromGl(gpu.gl, canvas, width, height);
    return;
  }
  return putMapValues(map, normalize, canvas);
}

/**
 * The CPU path for a map: its values read once where they are (`hostValues`; counted as a pixel
 * readback), coloured by colorizeValues straight into the ImageData.
 */
async function putMapValues(map: tf.Tensor2D, normalize: Normalize, canvas: TargetCanvas): Promise<void> {
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
  normalize: Normalize,
  canvas: TargetCanvas,
): void {
  const [height, width] = shape;
  sizeCanvas(canvas, width, height);
  if (width === 0 || height === 0) return;
  const image = imageDataFor(canvas, width, height);
  colorizeValues(values, normalize, image.data, channel);
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

function drawMapOnGpu(
  backend: MathBackendWebGL,
  gl: WebGL2RenderingContext,
  map: tf.Tensor2D,
  normalize: Normalize,
): boolean {
  const [height, width] = map.shape;
  const texCols = Math.ceil(width / 4);
  const copy = denseCopyIfView(backend, map);
  const source = (copy ?? map) as tf.Tensor2D;
  const params = lutTransform(source, normalize);
  try {
    // For 'raw' the parameters are constants that still live on the CPU.
    backend.uploadToGPU(params.dataId);
    const mapData = source.dataToGPU({ customTexShape: [height, texCols] });
    try {
      const paramData = params.dataToGPU({ customTexShape: [1, 1] });
      try {
        if (!mapData.texture || !paramData.texture) throw new Error('the webgl backend gave no texture');
        return drawMapTexture(
          gl,
          { map: mapData.texture, texCols, params: paramData.texture },
          width,
          height,
          {
            colormap: colormapOf(normalize),
            abs: usesAbs(normalize),
          },
        );
      } finally {
        paramData.tensorRef.dispose();
      }
    } finally {
      mapData.tensorRef.dispose();
    }
  } finally {
    params.dispose();
    copy?.dispose();
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
  if (!gpuPathFor([image])) {
    if (channels !== 1 && channels !== 3 && channels !== 4) {
      throw new Error(`an image to draw needs 1, 3 or 4 channels, not ${channels}`);
    }
    return putImageValues(image, canvas);
  }
  const rgba = imageToRgba(image);
  try {
    return drawTensorToCanvas(rgba, canvas);
  } finally {
    rgba.dispose();
  }
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

/**
 * The smallest and largest value of a map, for legends: a two-number readback (counted as `scalars`).
 * Call it after the frame is drawn, never on the drawing path.
 */
export async function mapRange(map: tf.Tensor): Promise<{ min: number; max: number }> {
  if (map.size === 0) return { min: 0, max: 0 };
  const both = tf.tidy(() => tf.stack([minOf(map), maxOf(map)]));
  try {
    const [min = 0, max = 0] = await both.data();
    noteReadback('scalars');
    return { min, max };
  } finally {
    both.dispose();
  }
}

/**
 * Compiles the renderers' WebGL programs now, so the first edit does not pay for it; a no-op off webgl.
 * tfjs compiles its own programs per op and shape on first use: running one draw of the real sizes at
 * load warms those too.
 */
export function prepareRenderers(): void {
  const backend = tf.backend();
  if (!isWebGLBackend(backend)) return;
  const gl = webgl2Of(backend);
  if (gl) prepareBlit(gl);
}
