/**
 * Image files to pixels for the command line: PNG (pngjs) and JPEG (jpeg-js), nothing else.
 *
 * The format is told by the magic bytes, not the file name, and the size is read from the header and
 * checked against the limits before anything is decoded, so a hostile or huge file is refused cheaply.
 * Every PNG (gray, palette, 16-bit, with alpha) and JPEG (gray, RGB, CMYK) comes out as 8-bit RGB; alpha is
 * dropped, not composited. A JPEG's EXIF orientation is applied, as browsers do, so the command line sees
 * the same picture as the page.
 */
import * as tf from '@tensorflow/tfjs-core';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { InputError } from './errors.ts';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits.ts';

export { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE };

export type ImageFormat = 'png' | 'jpeg';

/** An 8-bit RGB image: `rgb` holds height x width x 3 bytes, row by row ([H, W, 3] in C order). */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** Names of formats people commonly pass by mistake, to say what the file looks like. */
const OTHER_FORMATS: { name: string; test: (b: Uint8Array) => boolean }[] = [
  { name: 'a PDF', test: (b) => startsWith(b, ascii('%PDF')) },
  { name: 'a GIF', test: (b) => startsWith(b, ascii('GIF8')) },
  { name: 'a WebP', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'a BMP', test: (b) => startsWith(b, ascii('BM')) },
  {
    name: 'a TIFF',
    test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  { name: 'an AVIF or HEIC', test: (b) => startsWith(b, ascii('ftyp'), 4) },
  { name: 'an SVG or other text', test: (b) => /^\s*</.test(String.fromCharCode(...b.subarray(0, 64))) },
];

/** PNG or JPEG by magic bytes; anything else is refused with what it seems to be. */
export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length === 0) throw new InputError('is empty (0 bytes), not a PNG or JPEG');
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const other = OTHER_FORMATS.find((f) => f.test(bytes));
  throw new InputError(
    `is not a PNG or JPEG${other ? ` (it looks like ${other.name})` : ''}; convert it to PNG first`,
  );
}

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1) throw new InputError(`has no pixels (${width} x ${height})`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new InputError(
      `is ${width} x ${height}, larger than the limit of ${MAX_IMAGE_SIDE} pixels a side and ` +
        `${MAX_IMAGE_PIXELS / 1e6} megapixels; scale it down first`,
    );
  }
}

function decodePng(bytes: Uint8Array): RgbImage {
  // IHDR is always the first chunk: length (4), "IHDR" (4), width (4), height (4), big-endian.
  if (bytes.length < 33 || !startsWith(bytes, ascii('IHDR'), 12)) {
    throw new InputError('is not a valid PNG (truncated or missing its IHDR header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkSize(view.getUint32(16), view.getUint32(20));

  let png: pngjs.PNGWithMetadata;
  try {
    png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new InputError(`is not a valid PNG: ${err instanceof Error ? err.message : String(err)}`);
  }
  // pngjs expands gray, palette and 16-bit images to 8-bit RGBA; keep R, G, B.
  const { width, height, data } = png;
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0, q = 0; q < rgb.length; p += 4, q += 3) {
    rgb[q] = data[p] ?? 0;
    rgb[q + 1] = data[p + 1] ?? 0;
    rgb[q + 2] = data[p + 2] ?? 0;
  }
  return { width, height, rgb };
}

/** What the JPEG's markers say before the scan data: its frame size and EXIF orientation (1..8). */
export interface JpegHeader {
  width: number;
  height: number;
  orientation: number;
}

/** Start-of-frame markers carry the size: C0..CF except C4 (DHT), C8 (JPG) and CC (DAC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Walks the marker segments up to the first scan. Throws if there is no frame header. */
export function readJpegHeader(bytes: Uint8Array): JpegHeader {
  let width = -1;
  let height = -1;
  let orientation = 1;
  let i = 2;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) break;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan
    if (i + 3 >= bytes.length) break;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (length < 2) break;
    const segment = bytes.subarray(i + 4, Math.min(bytes.length, i + 2 + length));
    if (isStartOfFrame(marker) && segment.length >= 5 && width < 0) {
      height = ((segment[1] ?? 0) << 8) | (segment[2] ?? 0);
      width = ((segment[3] ?? 0) << 8) | (segment[4] ?? 0);
    } else if (marker === 0xe1 && startsWith(segment, [...ascii('Exif'), 0, 0])) {
      orientation = exifOrientation(segment.subarray(6));
    }
    i += 2 + length;
  }
  if (width < 0) throw new InputError('is not a valid JPEG (no frame header before the image data)');
  return { width, height, orientation };
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block; 1 (as stored) if absent or odd. */
export function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (view.getUint16(2, little) !== 42) return 1;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const entries = view.getUint16(ifd, little);
  for (let e = 0; e < entries; e++) {
    const at = ifd + 2 + e * 12;
    if (at + 12 > tiff.length) return 1;
    if (view.getUint16(at, little) !== 0x0112) continue;
    const value = view.getUint16(at + 8, little); // type SHORT, count 1: the value sits in the entry
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/**
 * The image as it should be displayed under EXIF orientation 1..8 (2, 4: mirrored; 3: turned 180 degrees;
 * 6: turned 90 degrees clockwise; 8: counter-clockwise; 5, 7: transposed). 5..8 swap width and height.
 */
export function applyOrientation(image: RgbImage, orientation: number): RgbImage {
  const { width: w, height: h, rgb } = image;
  // Source pixel of output (x, y): sx = ax * x + bx * y + cx, sy = ay * x + by * y + cy.
  const maps: Record<number, [number, number, number, number, number, number]> = {
    2: [-1, 0, w - 1, 0, 1, 0],
    3: [-1, 0, w - 1, 0, -1, h - 1],
    4: [1, 0, 0, 0, -1, h - 1],
    5: [0, 1, 0, 1, 0, 0],
    6: [0, 1, 0, -1, 0, h - 1],
    7: [0, -1, w - 1, -1, 0, h - 1],
    8: [0, -1, w - 1, 1, 0, 0],
  };
  const map = maps[orientation];
  if (!map) return image;
  const [ax, bx, cx, ay, by, cy] = map;
  const outW = orientation >= 5 ? h : w;
  const outH = orientation >= 5 ? w : h;
  const out = new Uint8Array(rgb.length);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const from = ((ay * x + by * y + cy) * w + (ax * x + bx * y + cx)) * 3;
      const to = (y * outW + x) * 3;
      out[to] = rgb[from] ?? 0;
      out[to + 1] = rgb[from + 1] ?? 0;
      out[to + 2] = rgb[from + 2] ?? 0;
    }
  }
  return { width: outW, height: outH, rgb: out };
}

function decodeJpeg(bytes: Uint8Array): RgbImage {
  const header = readJpegHeader(bytes);
  checkSize(header.width, header.height);
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      // Backstops: the size was checked above; the decoder's working memory is a few bytes per pixel.
      maxResolutionInMP: Math.ceil(MAX_IMAGE_PIXELS / 1e6),
      maxMemoryUsageInMB: 2048,
    });
  } catch (err) {
    throw new InputError(
      `is not a JPEG that can be decoded: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const image = { width: decoded.width, height: decoded.height, rgb: decoded.data };
  return applyOrientation(image, header.orientation);
}

/** Decodes a PNG or JPEG file's bytes to 8-bit RGB. Throws `InputError` (a message about "the image"). */
export function decodeImage(bytes: Uint8Array): RgbImage {
  return sniffFormat(bytes) === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
}

/** The image as the core wants it: float32 [H, W, 3], values 0..255. Owned by the caller. */
export function imageTensor(image: RgbImage): tf.Tensor3D {
  return tf.tensor3d(Float32Array.from(image.rgb), [image.height, image.width, 3], 'float32');
}
