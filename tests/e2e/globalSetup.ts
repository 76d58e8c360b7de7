/**
 * Global setup of the `e2e` project: build the page once, serve it on a free port of 127.0.0.1, start one
 * Chromium for every test file, and tell the tests where (`inject('e2eBaseUrl')`,
 * `inject('e2eBrowserEndpoint')`). Torn down when the run ends.
 *
 * One browser for the whole run, not one per file: each file still gets a fresh context (its own storage,
 * cookies and cache), but the GPU process and its shader cache are shared, so a page on webgl does not
 * compile SwiftShader's programs anew in every file, and Chromium starts once (docs/testing.md).
 *
 * The build runs `vite build` in a child process with NODE_ENV=production: inside Vitest NODE_ENV is `test`,
 * and Vite takes `process.env.NODE_ENV || mode` for the bundle, which would ship React's development build
 * instead of what users get. It builds into a temporary folder, so it never clobbers someone's dist/.
 * Serving uses Vite's own `preview()` (the same server as `npm run preview`, with the right MIME types).
 *
 * A failed build does not abort the whole Vitest run (the unit and browser projects still report): the
 * error is handed to the tests as `e2eSetupError`, and every e2e file fails with it (tests/e2e/support.ts).
 *
 * Environment:
 * - E2E_BASE_URL: test a page that is already served there (e.g. `npm run dev`); no build.
 * - E2E_APP_ROOT: build and serve the Vite app in that folder instead of this repository (to check the
 *   harness against another page).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserServer } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildApp, freePort } from '../support/buildPage.ts';
import { chromiumPath, E2E_CHROMIUM_ARGS } from '../support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built page is served, ending in `/`; empty when the setup failed. */
    e2eBaseUrl: string;
    /** Why the page could not be built or served; empty when all is well. */
    e2eSetupError: string;
    /** The shared Chromium's websocket (playwright `connect`); empty when it did not start. */
    e2eBrowserEndpoint: string;
  }
}

/** Starts the run's one Chromium; a browser that will not start is left to each file to report. */
async function startBrowser(project: TestProject): Promise<BrowserServer | undefined> {
  try {
    const server = await chromium.launchServer({ executablePath: chromiumPath(), args: E2E_CHROMIUM_ARGS });
    project.provide('e2eBrowserEndpoint', server.wsEndpoint());
    return server;
  } catch {
    project.provide('e2eBrowserEndpoint', '');
    return undefined;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_NAMES = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.E2E_BASE_URL;
  if (fromEnv) {
    project.provide('e2eBaseUrl', fromEnv.endsWith('/') ? fromEnv : `${fromEnv}/`);
    project.provide('e2eSetupError', '');
    const browser = await startBrowser(project);
    return async () => {
      await browser?.close();
    };
  }

  const appRoot = path.resolve(process.env.E2E_APP_ROOT ?? REPO_ROOT);
  const outDir = await mkdtemp(path.join(tmpdir(), 'kernelscope-e2e-'));
  let server: PreviewServer | undefined;
  const browser = await startBrowser(project);
  const teardown = async () => {
    await browser?.close();
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };

  try {
    await buildApp(appRoot, outDir);
    const port = await freePort();
    const configFile = CONFIG_NAMES.map((n) => path.join(appRoot, n)).find((p) => existsSync(p));
    server = await preview({
      root: appRoot,
      configFile: configFile ?? false,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    const address = server.httpServer.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    project.provide('e2eBaseUrl', `http://127.0.0.1:${actualPort}/`);
    project.provide('e2eSetupError', '');
  } catch (error) {
    project.provide('e2eBaseUrl', '');
    project.provide('e2eSetupError', error instanceof Error ? error.message : String(error));
  }
  return teardown;
}
