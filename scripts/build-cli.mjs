#!/usr/bin/env node
/**
 * Builds the command line (src/cli/main.ts and the core it uses) into JavaScript in dist-cli/: main.js, which
 * bin/kernelscope.js runs with plain Node, and the chunk `render` loads (so --help and --version skip tfjs). Runs on `npm ci` / `npm install` (the `prepare` script) and
 * as `npm run build:cli`. The runtime dependencies (@tensorflow/*, pngjs, jpeg-js) stay imports, resolved
 * from node_modules at run time.
 *
 * It builds into a temporary folder and renames the files into place, main.js last, so a run that overlaps
 * another (two test runs) never leaves a half-written file; chunk names carry no hash, so each run writes
 * the same names.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm ci --omit=dev` has no Vite: skip (the launcher then says how to build) rather than fail the install.
const vite = await import('vite').catch(() => null);
if (!vite) {
  console.warn('build-cli: Vite is not installed (a dev dependency), so the command line was not built.');
  process.exit(0);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'dist-cli');

mkdirSync(OUT_DIR, { recursive: true });
const staging = mkdtempSync(path.join(OUT_DIR, '.build-'));
try {
  await vite.build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    // Bare imports stay external in an SSR build: Node loads them from node_modules.
    ssr: { target: 'node' },
    // Except tfjs-core's gradient registrations (src/train/gradients.ts): extensionless ES modules that
    // plain Node cannot load, so they are bundled (a file path is not external); they register into the
    // one global tfjs engine.
    resolve: {
      alias: {
        '@tensorflow/tfjs-core/dist/register_all_gradients': path.join(
          ROOT,
          'node_modules/@tensorflow/tfjs-core/dist/register_all_gradients.js',
        ),
      },
    },
    build: {
      ssr: path.join(ROOT, 'src/cli/main.ts'),
      outDir: staging,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name].js' } },
    },
  });
  const files = readdirSync(staging).sort((a, b) => Number(a === 'main.js') - Number(b === 'main.js'));
  for (const file of files) renameSync(path.join(staging, file), path.join(OUT_DIR, file));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
