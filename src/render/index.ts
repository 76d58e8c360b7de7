/**
 * Renderers: plain functions that turn tensors into pictures on canvases. No React, no store.
 * colorize.ts and colormap.ts are pure tensor/data code (usable in Node); draw.ts and webglBlit.ts
 * need a browser.
 */
export * from './colormap.ts';
export * from './colorize.ts';
export * from './colorizeValues.ts';
export * from './draw.ts';
export * from './readbacks.ts';
export * from './robustScale.ts';
