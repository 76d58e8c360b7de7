/**
 * The benchmark page's entry (bench.html, served by Vite's dev server, driven by run.ts). One column per
 * page load, chosen by `?mode=`:
 *
 * - `page` (`&backend=` optional): Kernelscope as the page runs it (appBench.tsx);
 * - `js`: the same page with the course notes' plain-JS loop instead of the engine (appBench.tsx);
 * - `layer&backend=cpu|wasm|webgl`: src/core's layer alone on one tfjs backend (layerBench.ts);
 * - `opencv`: OpenCV.js filter2D and pooling (opencvBench.ts).
 *
 * Sets `window.__bench` ({ run, info, leak? }) and then `window.__benchReady` ('ok' or the error).
 */
async function boot(): Promise<object> {
  const query = new URLSearchParams(location.search);
  const mode = query.get('mode') ?? 'page';
  if (mode === 'page' || mode === 'js')
    return (await import('./appBench.tsx')).bootApp(mode, location.search);
  if (mode === 'layer') {
    const backend = query.get('backend');
    if (backend !== 'cpu' && backend !== 'wasm' && backend !== 'webgl')
      throw new Error(`mode=layer needs backend=cpu|wasm|webgl, not ${backend}`);
    return (await import('./layerBench.ts')).bootLayer(backend);
  }
  if (mode === 'opencv') return (await import('./opencvBench.ts')).bootOpenCv();
  throw new Error(`unknown mode ${mode}`);
}

boot().then(
  (api) => Object.assign(window, { __bench: api, __benchReady: 'ok' }),
  (error: unknown) => Object.assign(window, { __benchReady: `error: ${String(error)}` }),
);
