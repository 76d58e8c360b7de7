/**
 * Kernelscope's core: a convolution layer, and a network of them, over tfjs tensors, the same in the
 * browser (webgl, wasm, cpu) and in Node (the command line, the tests). No React, no DOM, no store.
 */
export * from './spec.ts';
export * from './geometry.ts';
export * from './padding.ts';
export * from './input.ts';
export * from './conv.ts';
export * from './activation.ts';
export * from './pool.ts';
export * from './layer.ts';
export * from './network.ts';
export * from './networkGeometry.ts';
export * from './runNetwork.ts';
export * from './receptiveField.ts';
export * from './strips.ts';
export * from './filterChanges.ts';
export * from './preview.ts';
export * from './hostValues.ts';
export * from './stage.ts';
export * from './slidingWindow.ts';
export * from './downsample.ts';
export * from './shift.ts';
export * from './denseVsConv.ts';
