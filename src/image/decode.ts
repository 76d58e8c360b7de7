/**
 * From a dropped, chosen or pasted file to pixels the engine can take, or an `ImageError` that says,
 * in the page's language, why not. Nothing here touches the current image: a refused file loses nothing.
 */
import type { MessageKey, Params } from '../i18n/index.ts';
import { sniffImage } from './sniff.ts';

/** Largest side and file size accepted (a texture of 8192 is the common WebGL limit). */
export const MAX_IMAGE_SIDE = 4096;
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export class ImageError extends Error {
  readonly key: MessageKey;
  readonly params: Params;
  constructor(key: MessageKey, params: Params) {
    super(key);
    this.name = 'ImageError';
    this.key = key;
    this.params = params;
  }
}

export interface DecodedImage {
  bitmap: ImageBitmap;
  width: number;
  height: number;
  name: string;
}

/** Decodes `blob` (a File, or a fetched sample) after checking its bytes; throws `ImageError`. */
export async function decodeImage(blob: Blob, name: string): Promise<DecodedImage> {
  if (blob.size === 0) throw new ImageError('error.empty', { name });
  if (blob.size > MAX_FILE_BYTES) {
    throw new ImageError('error.fileTooBig', {
      name,
      mb: (blob.size / 1048576).toFixed(1),
      maxMb: MAX_FILE_BYTES / 1048576,
    });
  }
  const sniffed = await sniffImage(blob);
  if (sniffed.format === 'svg') throw new ImageError('error.svg', { name });
  const tooLarge = (width: number, height: number) =>
    new ImageError('error.tooLarge', { name, width, height, max: MAX_IMAGE_SIDE });
  if (sniffed.width !== null && sniffed.height !== null) {
    if (sniffed.width > MAX_IMAGE_SIDE || sniffed.height > MAX_IMAGE_SIDE) {
      throw tooLarge(sniffed.width, sniffed.height);
    }
  }

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  } catch {
    // Bytes we did not recognise were left to the browser's decoder; if it cannot either, not an image.
    throw new ImageError(sniffed.format === null ? 'error.notImage' : 'error.broken', { name });
  }
  const { width, height } = bitmap;
  if (width === 0 || height === 0) {
    bitmap.close();
    throw new ImageError('error.broken', { name });
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    bitmap.close();
    throw tooLarge(width, height);
  }
  return { bitmap, width, height, name };
}
