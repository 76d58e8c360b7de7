/** The store and every action, by slice: core and image/display/interface actions (store.ts), kernel editor
 * (kernelActions.ts), layer controls (layerActions.ts), the whole spec (specActions.ts), folded sections
 * (sections.ts), and the share link kept in step with the page (link.ts). */
export * from './state.ts';
export * from './store.ts';
export * from './kernelActions.ts';
export * from './layerActions.ts';
export * from './specActions.ts';
export * from './networkActions.ts';
export * from './sections.ts';
export * from './demos.ts';
export * from './link.ts';
