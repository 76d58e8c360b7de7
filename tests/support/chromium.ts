/** Where the system Chromium is and how to start it (DESIGN.md): WebGL2 through SwiftShader on the CPU. */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `CHROME_PATH` if set, else the first system Chromium found, else the Debian path (which fails clearly). */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? '/usr/bin/chromium';
}

/**
 * The end-to-end run's one Chromium: the flags above plus a fake camera (a moving 640 × 480 test picture)
 * whose permission prompt is answered yes, for the webcam tests; no other page asks for a camera.
 */
export const E2E_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];
