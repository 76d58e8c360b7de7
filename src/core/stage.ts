/**
 * The results of one layer that the page draws, inspects and explains, by one name everywhere (engine
 * views, the store's inspector target, the core's explanations): conv + bias before the activation, the
 * feature maps after it, and the two poolings.
 */
export type Stage = 'preActivation' | 'features' | 'maxPool' | 'avgPool';

/** Every stage, in the order of the layer. */
export const STAGES: readonly Stage[] = ['preActivation', 'features', 'maxPool', 'avgPool'];
