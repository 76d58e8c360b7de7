/**
 * Kernelscope's core: one convolution layer over tfjs tensors, the same in the browser (webgl, wasm,
 * cpu) and in Node (the command line, the tests). No React, no DOM, no store.
 */
export * from './spec.ts';
export * from './geometry.ts';
export * from './padding.ts';
export * from './input.ts';
export * from './conv.ts';
export * from './activation.ts';
export * from './pool.ts';
export * from './layer.ts';
export * from './strips.ts';
export * from './filterChanges.ts';
export * from './preview.ts';
export * from './hostValues.ts';
export * from './stage.ts';
