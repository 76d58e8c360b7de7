/**
 * The state a person chose, as typed slices: image, network, display, interface. Only serialisable
 * inputs: no tensors, no canvases, nothing derivable (shapes come from `layerGeometry` in selectors).
 */
import type { MessageKey, Params } from '../i18n/index.ts';
import type { NetworkSpec, Stage } from '../core/index.ts';
import type { MapDisplay } from '../render/colorize.ts';
import type { DemoSlice } from './demoState.ts';
import type { SectionId } from './sections.ts';

export type ImageSource = 'sample' | 'file' | 'paste' | 'webcam';

/** What is shown as the input; its pixels live in the engine. */
export interface ImageMeta {
  source: ImageSource;
  /** Sample id (see image/samples.ts) when `source` is 'sample'. */
  sampleId: string | null;
  name: string;
  width: number;
  height: number;
}

/** Colour scales of the maps, defined once where they are drawn. */
export { DEFAULT_MAP_DISPLAY, MAP_DISPLAYS, type MapDisplay } from '../render/colorize.ts';

export interface Notice {
  key: MessageKey;
  params?: Params;
}

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface BackendStatus {
  name: BackendName | null;
  /**
   * Why this backend: measured fastest (detail: the timings), forced by the link, chosen by hand, the
   * fallback when the requested one could not start (detail: why), or after the WebGL context was lost
   * or restored.
   */
  reason: 'measured' | 'forced' | 'chosen' | 'fallback' | 'lost' | 'restored' | null;
  detail: string | null;
  /** The WebGL renderer string, and whether it is a software rasteriser (SwiftShader…). */
  renderer?: string | null;
  software?: boolean;
  /** When measured: the rule's reason (src/engine/backendChoice.ts) and the backend webgl was compared with. */
  why?: 'fastest' | 'software' | 'margin' | 'only';
  rival?: BackendName | null;
}

export interface ImageSlice {
  image: ImageMeta | null;
}

export interface SpecSlice {
  /** The network the page computes: 1 to MAX_LAYERS layers (a plain layer spec is a network of one). */
  network: NetworkSpec;
  /** The layer (0-based) the kernel editor and the layer controls edit. Not shared. */
  editing: number;
}

export interface DisplaySlice {
  mapDisplay: MapDisplay;
  /** Show √(map 1² + map 2²), the Sobel magnitude when the filters are Sobel x and y. */
  magnitude: boolean;
  /** Folded sections the person opened (or the link's spec needs open); see sections.ts. */
  openSections: readonly SectionId[];
  /** The step of the lesson path through the course-note examples (1-based), or null when closed. */
  lesson: number | null;
}

/** The output pixel under the pointer (or chosen by keyboard), for the inspector. Transient, not shared. */
export interface InspectTarget {
  /** The layer (0-based) of the map pointed at. */
  layer: number;
  /** The stage whose map m (0-based) the probe points at. */
  stage: Stage;
  map: number;
  /** Pixel row and column in that map, 0-based. */
  y: number;
  x: number;
  /** Kept after the pointer leaves (clicked or chosen by keyboard). */
  pinned: boolean;
}

export interface InterfaceSlice {
  error: Notice | null;
  backend: BackendStatus;
  inspect: InspectTarget | null;
  /**
   * A value is being dragged (a kernel cell scrubbed): on a large image the engine may show a preview at
   * a lower resolution until it ends. Transient, not shared.
   */
  dragging: boolean;
}

export type State = ImageSlice & SpecSlice & DisplaySlice & InterfaceSlice & DemoSlice;
