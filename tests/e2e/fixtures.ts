/**
 * Files for the e2e tests, made at test time: PNGs of known sizes (pngjs) with content every kernel
 * responds to differently, and files that are not images at all.
 */
import { PNG } from 'pngjs';
import type { FileSpec } from './support.ts';

type Rgb = [number, number, number];

/** A PNG of `width` × `height` pixels (shape `height × width`), coloured by `pixel(x, y)`. */
export function pngFile(
  name: string,
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgb,
): FileSpec {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return { name, mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

/**
 * An asymmetric scene: a diagonal ramp, a bright off-centre rectangle, a dark disc and a few single bright
 * pixels. Vertical and horizontal edges differ, so Sobel x, Sobel y, identity and box blur all give
 * different maps, and max and average pooling keep different things.
 */
export function scene(name: string, width: number, height: number): FileSpec {
  const cx = width * 0.68;
  const cy = height * 0.62;
  const radius = Math.min(width, height) * 0.18;
  return pngFile(name, width, height, (x, y) => {
    let v = Math.round((40 * x) / width + (90 * y) / height) + 30;
    if (x >= width * 0.15 && x < width * 0.45 && y >= height * 0.2 && y < height * 0.4) v = 230;
    if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) v = 10;
    if ((x * 7 + y * 3) % 23 === 0) v = 255;
    return [v, Math.min(255, v + 10), Math.max(0, v - 10)];
  });
}

/** The same scene in colours only, so a page that shows colour has something to show. */
export function colourScene(name: string, width: number, height: number): FileSpec {
  return pngFile(name, width, height, (x, y) => [
    Math.round((255 * x) / Math.max(1, width - 1)),
    Math.round((255 * y) / Math.max(1, height - 1)),
    (x + y) % 2 === 0 ? 200 : 40,
  ]);
}

/** The first bytes of a PDF, named and typed as one. */
export const PDF_FILE: FileSpec = {
  name: 'lecture-notes.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  ),
};

/** A zero-byte file that claims to be a PNG. */
export const EMPTY_FILE: FileSpec = { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) };

/** A PNG cut short: the signature and IHDR of a real 64 × 64 PNG, then garbage where the pixels should be. */
export function brokenPng(): FileSpec {
  const real = scene('whole.png', 64, 64).buffer;
  const head = real.subarray(0, 33); // 8-byte signature + 25-byte IHDR chunk
  const garbage = Buffer.from('IDAT this is not deflate data at all', 'latin1');
  return { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.concat([head, garbage]) };
}
