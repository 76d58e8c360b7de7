/** Browser-side helpers shared by the benchmark's columns: the test image, the timing loop, the renderer. */
import { summarize, type CellResult, type MeasureOptions } from './types.ts';

/** A deterministic test image: gradients plus noise, so that every kernel sees structure. */
export function makeImage(size: number): { imageData: ImageData; rgb: Uint8Array } {
  const imageData = new ImageData(size, size);
  const rgb = new Uint8Array(size * size * 3);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 24) - 128;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const r = Math.max(0, Math.min(255, (x * 255) / size + noise() / 4));
      const g = Math.max(0, Math.min(255, (y * 255) / size + noise() / 4));
      const b = Math.max(0, Math.min(255, ((x ^ y) & 32 ? 200 : 40) + noise() / 4));
      const px = [Math.round(r), Math.round(g), Math.round(b)];
      for (let c = 0; c < 3; c++) {
        imageData.data[4 * i + c] = px[c] as number;
        rgb[3 * i + c] = px[c] as number;
      }
      imageData.data[4 * i + 3] = 255;
    }
  }
  return { imageData, rgb };
}

/** Runs `edit` (which returns its own duration in ms) under the options' warm-up, count and time budget. */
export async function measure(
  edit: () => Promise<number>,
  o: MeasureOptions,
): Promise<Pick<CellResult, 'timing' | 'warmupMs' | 'skipped'>> {
  const warmupMs: number[] = [];
  const start = performance.now();
  for (let i = 0; i < Math.max(1, o.warmup); i++) {
    warmupMs.push(await edit());
    if ((warmupMs[0] as number) > o.skipMs) {
      return { timing: summarize([warmupMs[0] as number]), warmupMs, skipped: true };
    }
    if (performance.now() - start > o.budgetMs / 2) break;
  }
  const samples: number[] = [];
  const timed = performance.now();
  while (samples.length < o.edits) {
    if (samples.length >= o.minEdits && performance.now() - timed >= o.budgetMs) break;
    samples.push(await edit());
  }
  return { timing: summarize(samples), warmupMs, skipped: false };
}

/** The WebGL renderer string this page would get (unmasked), or `no webgl`. */
export function webglRendererString(): string {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return 'no webgl';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
