import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built page: nothing may be fetched from another origin.
 * Only in the build: the dev server's React refresh preamble is an inline script.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kernelscope-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * Link previews want absolute image URLs, but the site's origin is unknown here: index.html names the
 * preview relatively, and KERNELSCOPE_SITE_URL (e.g. https://example.org/kernelscope/) set at build time
 * makes og:image, twitter:image and og:url absolute.
 */
function siteUrl(): Plugin {
  const site = process.env.KERNELSCOPE_SITE_URL;
  return {
    name: 'kernelscope-site-url',
    apply: 'build',
    transformIndexHtml: (html) => {
      if (!site) return html;
      const base = site.endsWith('/') ? site : `${site}/`;
      return html
        .replace(
          /(<meta (?:property|name)="(?:og|twitter):image" content=")(?:\.\/)?([^"]+)"/g,
          `$1${base}$2"`,
        )
        .replace(
          '<meta property="og:type"',
          `<meta property="og:url" content="${base}" />\n    <meta property="og:type"`,
        );
    },
  };
}

/**
 * Registers the service worker once the page has loaded, from a file of its own (the CSP allows scripts
 * from 'self' only). When a new deploy's worker takes over a page that an older one controlled, the page
 * reloads (its hash keeps the state): its lazily loaded chunks are gone from the new cache and the server.
 */
const REGISTER_SW = `if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    // The first worker to claim the page changes nothing; any later one is a new deploy.
    let controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (controlled) location.reload();
      controlled = true;
    });
    navigator.serviceWorker.register('./sw.js', { scope: './' });
  });
}
`;

function registerServiceWorker(): Plugin {
  return {
    name: 'kernelscope-register-sw',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'registerSW.js', source: REGISTER_SW });
    },
    transformIndexHtml: () => [{ tag: 'script', attrs: { src: './registerSW.js' }, injectTo: 'head' }],
  };
}

/**
 * Theme and background of the installed app: the mark's blue, the page's background. index.html's
 * theme-color says the same (tests/e2e/offline.test.ts checks they agree).
 */
const THEME_COLOR = '#2166ac';
const BACKGROUND_COLOR = '#f6f7f9';

/**
 * Offline after the first visit (build only, so the dev server never serves a stale cache): Workbox
 * precaches every emitted file (page, JS, CSS, the tfjs .wasm binaries) and public/ (the samples, icons).
 * A new deploy's worker takes over at once (skipWaiting, clientsClaim) and registerServiceWorker()
 * reloads the open tab onto it.
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  // The glob below already lists the icons.
  includeManifestIcons: false,
  manifest: {
    name: 'Kernelscope — convolution playground',
    short_name: 'Kernelscope',
    description: 'See what a convolution filter does to your image, live, on the GPU.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,png,svg,json,webmanifest,md}', 'samples/LICENSE-*'],
    // The link preview is for other sites' crawlers and maskable.svg the icon's source: never shown.
    globIgnores: ['og-image.png', 'icons/maskable.svg'],
    // Workbox skips (with only a warning) files above its 2 MiB default: the main bundle must never be one.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    // The training data (4.4 MB) is fetched only when a person trains; kept then, for training offline.
    runtimeCaching: [
      {
        urlPattern: /\/data\/fashion-mnist\/[^/]+\.gz$/,
        handler: 'CacheFirst',
        options: { cacheName: 'kernelscope-data' },
      },
    ],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), contentSecurityPolicy(), siteUrl(), registerServiceWorker(), pwa],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // The training workers import tfjs's wasm backend lazily: code-split workers must be ES modules.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
