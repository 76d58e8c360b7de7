/**
 * tfjs-core registers no gradients by itself (the umbrella `@tensorflow/tfjs` package does it): import
 * this before training. Its files are extensionless ES modules, which bundlers (Vite, Vitest, the CLI's
 * build, which bundles them: scripts/build-cli.mjs) resolve and plain Node does not.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
