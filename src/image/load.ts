/**
 * Loading an image into the page: decode and check it, make sure the current layer (or a link's) can run
 * on its size, then hand the pixels to the engine and record it in the store. Any failure raises an alert
 * and keeps the previous image, spec and results. A pooling left empty by a small image is no failure:
 * the page says so in place of its maps.
 */
import { backends, engine } from '../engine/index.ts';
import type { NetworkSpec } from '../core/index.ts';
import { networkProblem, raise, setImage, store, type ImageSource, type Notice } from '../store/index.ts';
import { decodeImage, ImageError } from './decode.ts';
import { findSample, sampleUrl } from './samples.ts';

let generation = 0;

/** A link's spec to load the image with (instead of the page's), and the notice if it does not fit. */
export interface LinkLoad {
  network: NetworkSpec;
  refused: (detail: string) => Notice;
}

/** Loads `blob`; resolves true if it is now the input. A newer load started meanwhile wins. */
export async function loadImage(
  blob: Blob,
  name: string,
  source: ImageSource,
  sampleId: string | null = null,
  crop: [number, number, number, number] | null = null,
  link: LinkLoad | null = null,
): Promise<boolean> {
  const mine = ++generation;
  let decoded;
  try {
    decoded = await decodeImage(blob, name);
  } catch (error) {
    if (mine !== generation) return false;
    if (error instanceof ImageError) raise({ key: error.key, params: error.params });
    else raise({ key: 'error.broken', params: { name } });
    return false;
  }
  if (crop) {
    // A sample cut out at load (the 27 × 27 one): the same pixels, fewer of them.
    const [x, y, width, height] = crop;
    const whole = decoded.bitmap;
    try {
      const bitmap = await createImageBitmap(whole, x, y, width, height, {
        premultiplyAlpha: 'none',
        colorSpaceConversion: 'none',
      });
      decoded = { ...decoded, bitmap, width, height };
    } catch {
      raise({ key: 'error.broken', params: { name } });
      return false;
    } finally {
      whole.close();
    }
  }
  try {
    await backends.ready();
    if (mine !== generation) return false;
    const meta = { source, sampleId, name, width: decoded.width, height: decoded.height };
    const problem = networkProblem(link?.network ?? store.getState().network, meta);
    if (problem) {
      raise(
        link
          ? link.refused(problem.message)
          : { key: 'error.imageSpec', params: { name, detail: problem.message } },
      );
      return false;
    }
    engine.setImage(decoded.bitmap);
    setImage(meta, link?.network);
    return true;
  } finally {
    decoded.bitmap.close();
  }
}

export async function loadFile(file: File, source: ImageSource = 'file'): Promise<boolean> {
  return loadImage(file, file.name || 'pasted image', source);
}

export async function loadSample(id: string, link: LinkLoad | null = null): Promise<boolean> {
  const sample = findSample(id);
  if (!sample) return false;
  const response = await fetch(sampleUrl(sample));
  if (!response.ok) {
    raise({ key: 'error.broken', params: { name: sample.file } });
    return false;
  }
  return loadImage(await response.blob(), sample.label, 'sample', sample.id, sample.crop ?? null, link);
}
