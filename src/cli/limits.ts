/**
 * The command line's image size limits, in a module of their own so that `--help` (which quotes them) runs
 * without loading tfjs.
 */

/** Largest width or height accepted. */
export const MAX_IMAGE_SIDE = 8192;
/** Largest width x height accepted (40 megapixels). */
export const MAX_IMAGE_PIXELS = 40_000_000;
