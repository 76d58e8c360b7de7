/**
 * "Use in the workbench": a trained model's layers (CONTRACT section 6 JSON, weights in pixel units
 * 0..255) become the page's network, on the Fashion-MNIST sample it was trained for, so the learned
 * filters' maps appear and a person can then load a photo, edit them or share the link.
 */
import { parseNetwork } from '../core/index.ts';
import { loadSample } from '../image/load.ts';
import { sectionsForNetwork, withSections } from './sections.ts';
import { store } from './store.ts';

/** The sample a model's network is shown on first: a Fashion-MNIST ankle boot, 28 x 28 gray. */
export const MODEL_SAMPLE_ID = 'fashion-mnist-9';

/** Puts `layers` (a model JSON's) in the workbench with the sample; false (with an alert) if refused. */
export async function applyModelToWorkbench(layers: readonly unknown[]): Promise<boolean> {
  const network = parseNetwork({ layers });
  const loaded = await loadSample(MODEL_SAMPLE_ID, {
    network,
    refused: (detail) => ({ key: 'error.spec', params: { detail } }),
  });
  if (!loaded) return false;
  const { openSections } = store.getState();
  // What the model's layers use beyond the first screen (e.g. explicit padding) opens, as a link's would.
  store.setState({ editing: 0, openSections: withSections(openSections, sectionsForNetwork(network)) });
  return true;
}
