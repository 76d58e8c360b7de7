/**
 * The page's side of `npm run bench -- --train` (trainBench.ts): starts trainPageWorker.ts (a Web Worker
 * with its own tfjs, as the page trains) on the backend in `?backend=`, and puts its timing in
 * `window.__trainBench` with the WebGL renderer's name.
 */
interface Timing {
  backend: string;
  batches: number;
  seconds: number;
  error?: string;
}

function renderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

const params = new URLSearchParams(location.search);
const worker = new Worker(new URL('./trainPageWorker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<Timing>) => {
  (window as unknown as { __trainBench: unknown }).__trainBench = { ...event.data, renderer: renderer() };
};
worker.onerror = (event) => {
  (window as unknown as { __trainBench: unknown }).__trainBench = { error: event.message };
};
worker.postMessage({
  backend: params.get('backend') ?? 'wasm',
  batches: Number(params.get('batches') ?? 0),
  baseUrl: new URL('/', location.href).href,
});
