/**
 * Actions on the network as a whole: which layer the controls edit, adding and removing layers, and
 * which result a layer feeds on. Each goes through `commitNetwork`, which restacks the layers and keeps
 * the last good network when the image cannot take the new one.
 */
import { MAX_LAYERS, newLayer, type LayerOutput } from '../core/index.ts';
import { commitNetwork, store } from './store.ts';

/** The controls edit layer `index` (0-based). */
export function editLayer(index: number): void {
  const { network, editing } = store.getState();
  const next = Math.max(0, Math.min(index, network.layers.length - 1));
  if (next !== editing) store.setState({ editing: next });
}

/** Adds a layer after the last (up to MAX_LAYERS) and edits it. Returns whether it was added. */
export function addLayer(): boolean {
  const { layers } = store.getState().network;
  const last = layers[layers.length - 1];
  if (!last || layers.length >= MAX_LAYERS) return false;
  return commitNetwork([...layers, newLayer(last)], layers.length);
}

/** Removes layer `index` (never the first); the layer after it then feeds on the one before. */
export function removeLayer(index: number): boolean {
  const { network, editing } = store.getState();
  if (index < 1 || index >= network.layers.length) return false;
  const layers = network.layers.filter((_, i) => i !== index);
  return commitNetwork(layers, editing >= index ? editing - 1 : editing);
}

/** Which of layer `index`'s results feeds the next layer. */
export function setLayerOutput(index: number, output: LayerOutput): boolean {
  const { layers } = store.getState().network;
  if (!layers[index] || layers[index].output === output) return false;
  return commitNetwork(layers.map((layer, i) => (i === index ? { ...layer, output } : layer)));
}
