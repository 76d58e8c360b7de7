/**
 * The Network panel's actions on the store (src/store/networkActions.ts): which layer the controls edit,
 * adding and removing layers, what a layer feeds on. Each refusal (too many layers, an image too small,
 * the first layer) keeps the network as it was; a change to the first layer's map count restacks a deeper
 * kh x kw x C filter to the new depth.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { layerMaps, MAX_LAYERS, newLayer, parseNetwork, type NetworkSpec } from '../../src/core/index.ts';
import {
  addFilter,
  addLayer,
  commitNetwork,
  editedSpec,
  editLayer,
  geometriesOf,
  removeFilter,
  removeLayer,
  resetStore,
  setChannels,
  setFilterCell,
  setImage,
  setLayerOutput,
  store,
} from '../../src/store/index.ts';
import { sampleImage } from '../support/sampleImage.ts';

const sobel = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const cube = (depth: number, value: (c: number) => number) =>
  Array.from({ length: 3 }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: depth }, (_, c) => value(c))),
  );

function network(): NetworkSpec {
  return store.getState().network;
}

/** Commits a network parsed from its JSON (as a link would bring it). */
function commit(json: unknown, editing = 0): void {
  expect(commitNetwork(parseNetwork(json).layers, editing)).toBe(true);
}

/** Layers of the default 3 x 3, same padding, 2 x 2 max pool: each halves the size. */
function stackOf(count: number): void {
  resetStore();
  setImage(sampleImage(256));
  for (let i = 1; i < count; i++) expect(addLayer()).toBe(true);
}

describe('network actions', () => {
  beforeEach(() => {
    resetStore();
    setImage(sampleImage());
  });

  it('editLayer chooses the layer the controls edit, kept within the network', () => {
    stackOf(3);
    editLayer(1);
    expect(store.getState().editing).toBe(1);
    expect(editedSpec(store.getState())).toBe(network().layers[1]);
    editLayer(7);
    expect(store.getState().editing).toBe(2);
    editLayer(-1);
    expect(store.getState().editing).toBe(0);
  });

  it('addLayer appends a layer fed by every map of the last one and edits it', () => {
    commit({ filters: [{ weights: sobel }, { weights: sobel }, { weights: sobel }] });
    expect(addLayer()).toBe(true);
    const [first, second] = network().layers;
    expect(second).toEqual({ ...newLayer(first!), inputMaps: 3 });
    expect(store.getState().editing).toBe(1);
    expect(geometriesOf(store.getState())?.map((g) => g.input.height)).toEqual([28, 14]);
  });

  it(`addLayer stops at ${MAX_LAYERS} layers, and refuses a layer the image is too small for, keeping the network`, () => {
    stackOf(MAX_LAYERS);
    expect(network().layers).toHaveLength(MAX_LAYERS);
    const full = network();
    expect(addLayer()).toBe(false);
    expect(network()).toBe(full);

    // 28 → 14 → 7 → 3 → 1: a fifth layer's feature map is 1 x 1 with no room for its pooling (explained
    // in place, as the last layer's may be); a sixth would feed on that empty pooling.
    resetStore();
    setImage(sampleImage());
    for (let i = 1; i < 5; i++) expect(addLayer()).toBe(true);
    expect(geometriesOf(store.getState())?.[4]?.pool.empty).toBeTruthy();
    const five = network();
    expect(addLayer()).toBe(false);
    expect(network()).toBe(five);
    expect(store.getState().editing).toBe(4);
    expect(store.getState().error?.params?.detail).toMatch(/^layers\[4\]\.pool\.size: .*layer 6/);
  });

  it('removeLayer drops a deeper layer (the next one then reads the layer before), never the first', () => {
    commit(
      {
        layers: [
          { filters: [{ weights: sobel }, { weights: sobel }] },
          { filters: [{ weights: sobel }, { weights: sobel }, { weights: sobel }], output: 'conv' },
          { filters: [{ weights: sobel }] },
          { filters: [{ weights: sobel }] },
        ],
      },
      2,
    );
    expect(removeLayer(0)).toBe(false);
    expect(removeLayer(4)).toBe(false);
    expect(network().layers).toHaveLength(4);

    expect(removeLayer(1)).toBe(true);
    const { layers } = network();
    expect(layers).toHaveLength(3);
    expect(layers[1]?.inputMaps).toBe(2);
    expect(layers[1]?.filters).toHaveLength(1);
    // The edited layer was the third, now the second: the same layer.
    expect(store.getState().editing).toBe(1);
    expect(editedSpec(store.getState())).toBe(layers[1]);
    expect(geometriesOf(store.getState())?.map((g) => g.input.height)).toEqual([28, 14, 7]);

    editLayer(0);
    expect(removeLayer(2)).toBe(true);
    expect(removeLayer(1)).toBe(true);
    expect(network().layers).toHaveLength(1);
    expect(store.getState().editing).toBe(0);
  });

  it('setLayerOutput sets what the next layer reads; a change the image cannot take is refused', () => {
    stackOf(3);
    const inputs = () => geometriesOf(store.getState())?.map((g) => g.input.height);
    expect(setLayerOutput(0, 'maxpool')).toBe(false);
    expect(setLayerOutput(0, 'conv')).toBe(true);
    expect(network().layers.map((l) => l.output)).toEqual(['conv', 'maxpool', 'maxpool']);
    expect(inputs()).toEqual([256, 256, 128]);
    expect(setLayerOutput(0, 'avgpool')).toBe(true);
    expect(inputs()).toEqual([256, 128, 64]);
    expect(setLayerOutput(5, 'conv')).toBe(false);

    // A 3 x 3 image: layer 1's 4 x 4 pooling is empty, so layer 2 can only read its feature maps.
    resetStore();
    setImage(
      sampleImage(3),
      parseNetwork({
        layers: [
          { filters: [{ weights: sobel }], pool: { size: 4 }, output: 'conv' },
          { filters: [{ weights: sobel }] },
        ],
      }),
    );
    const before = network();
    expect(setLayerOutput(0, 'maxpool')).toBe(false);
    expect(network()).toBe(before);
    expect(store.getState().error?.params?.detail).toMatch(/^layers\[0\]\.pool\.size: .*layer 2 needs it/);
  });

  it('restacks a deeper kh x kw x C filter when the first layer’s map count changes', () => {
    // Layer 2's first filter holds its own slice per input map (1, then 2 after an added filter).
    commit({
      layers: [
        { filters: [{ weights: sobel }] },
        { filters: [{ weights: cube(1, () => 5) }, { weights: sobel }] },
      ],
    });
    expect(addFilter()).toBe(0 + 1);
    let second = network().layers[1];
    expect(second?.inputMaps).toBe(2);
    expect(second?.filters[0]?.weights).toEqual(cube(2, (c) => (c === 0 ? 5 : 0)));
    expect(second?.filters[1]?.weights).toEqual(sobel);

    // Editing one input map's slice of the deeper filter (the kernel grid's slice picker) leaves the other.
    editLayer(1);
    expect(setFilterCell(0, 1, 1, 9, 1)).toBe(true);
    expect(network().layers[1]?.filters[0]?.weights[1]?.[1]).toEqual([5, 9]);

    editLayer(0);
    expect(setChannels('rgb-per-channel').applied).toBe(true);
    second = network().layers[1];
    expect(second?.inputMaps).toBe(layerMaps(network().layers[0]!));
    expect(second?.inputMaps).toBe(6);
    expect((second?.filters[0]?.weights[1]?.[1] as number[]).slice(0, 2)).toEqual([5, 9]);
    expect(geometriesOf(store.getState())).not.toBeNull();

    expect(setChannels('gray').applied).toBe(true);
    expect(removeFilter(1)).toBe(true);
    expect(network().layers[1]?.filters[0]?.weights[1]?.[1]).toEqual([5]);
  });
});
