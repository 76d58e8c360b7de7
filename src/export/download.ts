/** Saving what the page shows as files: a canvas as PNG, values as .npy, JSON. All in the browser. */
import { encodeNpy } from './npy.ts';

/** Offers `blob` as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The canvas's pixels as a PNG download. */
export function saveCanvasPng(canvas: HTMLCanvasElement, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('the canvas could not be encoded as PNG'));
        return;
      }
      saveBlob(blob, name);
      resolve();
    }, 'image/png');
  });
}

/** float32 values with their shape as a NumPy .npy download (C order). */
export function saveNpy(data: Float32Array, shape: readonly number[], name: string): void {
  const bytes = encodeNpy(data, shape);
  saveBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), name);
}

/** A file-name-safe version of a label: "Feature map 1" -> "feature-map-1". */
export function fileStem(label: string): string {
  const stem = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'kernelscope';
}
