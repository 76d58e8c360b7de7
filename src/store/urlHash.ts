/**
 * The share link (docs/spec.md, the page's link): the state a person set lives in the URL hash,
 * `#spec=<URI-encoded spec JSON>&sample=<id>&display=<mode>&mag=1&lang=<en|ko>&open=<sections>&lesson=<k>`
 * (open folded sections, the lesson step), then the demos (demoState.ts): `demo=<window|shrink|dense>`,
 * the sliding window's `wlayer`, `wmap`, `phase`, `stop` (1-based), the shrink demo's `smap`, `shift`,
 * `dir`, `edge`, and the dense demo's `units`. Only fields that differ from the defaults are written, so
 * links stay short. Reading validates every field and never evaluates.
 */
import {
  compactNetwork,
  MAX_FILTERS,
  MAX_LAYERS,
  MAX_SHIFT,
  parseNetwork,
  SHIFT_EDGES,
  WINDOW_PHASES,
  type NetworkSpec,
} from '../core/index.ts';
import { EXAMPLES } from '../examples/examples.ts';
import { isLanguage, type Language } from '../i18n/index.ts';
import {
  DEFAULT_DENSE_UNITS,
  DEFAULT_SHRINK,
  DEFAULT_WINDOW,
  DEMOS,
  MAX_DENSE_UNITS,
  SHIFT_DIRECTIONS,
  type DemoId,
  type ShrinkDemo,
  type WindowDemo,
} from './demoState.ts';
import { isSection, SECTIONS, type SectionId } from './sections.ts';
import { DEFAULT_MAP_DISPLAY, MAP_DISPLAYS, type MapDisplay, type State } from './state.ts';

export interface HashState {
  /** `spec=`: a network, or a plain layer spec (a network of one layer). */
  spec?: NetworkSpec;
  sampleId?: string;
  mapDisplay?: MapDisplay;
  magnitude?: boolean;
  language?: Language;
  openSections?: SectionId[];
  lesson?: number;
  demo?: DemoId;
  window?: Partial<Pick<WindowDemo, 'layer' | 'map' | 'phase' | 'stop'>>;
  shrink?: Partial<ShrinkDemo>;
  denseUnits?: number;
}

export class HashError extends Error {
  override name = 'HashError';
}

const SAMPLE_ID = /^[a-z0-9-]{1,40}$/;

/**
 * What a link holds, each field a primitive or a store slice (link.ts compares them by reference to
 * encode only when one changed).
 */
export interface LinkFields {
  network: NetworkSpec;
  /** The built-in sample shown, or null: an image from a file, a paste or the webcam cannot be shared. */
  sampleId: string | null;
  mapDisplay: MapDisplay;
  magnitude: boolean;
  language: Language;
  openSections?: readonly SectionId[];
  lesson?: number | null;
  demo?: DemoId | null;
  window?: WindowDemo;
  shrink?: ShrinkDemo;
  denseUnits?: number;
}

/** The link's fields of the page's state; the language is i18n's own. */
export function linkFieldsOf(state: State, language: Language): LinkFields {
  const { network, image, mapDisplay, magnitude, openSections, lesson, demo, window, shrink, denseUnits } =
    state;
  const sampleId = image?.source === 'sample' ? image.sampleId : null;
  return {
    ...{ network, sampleId, mapDisplay, magnitude, language, openSections, lesson },
    ...{ demo, window, shrink, denseUnits },
  };
}

/** The demos' fields of a link, each only when it differs from the default. */
function encodeDemos(state: LinkFields): string[] {
  const parts: string[] = [];
  if (state.demo) parts.push(`demo=${state.demo}`);
  const w = state.window;
  if (w) {
    if (w.layer !== DEFAULT_WINDOW.layer) parts.push(`wlayer=${w.layer + 1}`);
    if (w.map !== DEFAULT_WINDOW.map) parts.push(`wmap=${w.map + 1}`);
    if (w.phase !== DEFAULT_WINDOW.phase) parts.push(`phase=${w.phase}`);
    if (w.stop !== DEFAULT_WINDOW.stop) parts.push(`stop=${w.stop + 1}`);
  }
  const s = state.shrink;
  if (s) {
    if (s.map !== DEFAULT_SHRINK.map) parts.push(`smap=${s.map + 1}`);
    if (s.shift !== DEFAULT_SHRINK.shift) parts.push(`shift=${s.shift}`);
    if (s.direction !== DEFAULT_SHRINK.direction) parts.push(`dir=${s.direction}`);
    if (s.edge !== DEFAULT_SHRINK.edge) parts.push(`edge=${s.edge}`);
  }
  if (state.denseUnits !== undefined && state.denseUnits !== DEFAULT_DENSE_UNITS) {
    parts.push(`units=${state.denseUnits}`);
  }
  return parts;
}

/** A whole number from `min` to `max` written in decimal, or a `HashError` naming the field. */
function wholeNumber(key: string, value: string, min: number, max: number): number {
  const n = /^[0-9]{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new HashError(`${key}: must be a whole number from ${min} to ${max}`);
  return n;
}

function oneOfField<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new HashError(`${key}: must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** The largest window stop a link may name (a 4096 × 4096 map); the page clamps it to the map's stops. */
const MAX_STOP = 4096 * 4096;

export function encodeHash(state: LinkFields): string {
  const parts: string[] = [];
  const spec = compactNetwork(state.network);
  if (Object.keys(spec).length > 0) parts.push(`spec=${encodeURIComponent(JSON.stringify(spec))}`);
  if (state.sampleId) parts.push(`sample=${state.sampleId}`);
  if (state.mapDisplay !== DEFAULT_MAP_DISPLAY) parts.push(`display=${state.mapDisplay}`);
  if (state.magnitude) parts.push('mag=1');
  parts.push(`lang=${state.language}`);
  if (state.openSections?.length) parts.push(`open=${state.openSections.join(',')}`);
  if (state.lesson) parts.push(`lesson=${state.lesson}`);
  parts.push(...encodeDemos(state));
  return parts.join('&');
}

/** Parses a location hash (with or without '#'); throws `HashError` naming the bad part. */
export function decodeHash(hash: string): HashState {
  const out: HashState = {};
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return out;
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      throw new HashError(`${key}: not valid URI encoding`);
    }
    switch (key) {
      case 'spec': {
        let json: unknown;
        try {
          json = JSON.parse(value);
        } catch {
          throw new HashError('spec: not valid JSON');
        }
        try {
          out.spec = parseNetwork(json);
        } catch (error) {
          throw new HashError((error as Error).message);
        }
        break;
      }
      case 'sample':
        if (!SAMPLE_ID.test(value)) throw new HashError('sample: not a sample name');
        out.sampleId = value;
        break;
      case 'display':
        if (!(MAP_DISPLAYS as readonly string[]).includes(value)) {
          throw new HashError(`display: must be one of ${MAP_DISPLAYS.join(', ')}`);
        }
        out.mapDisplay = value as MapDisplay;
        break;
      case 'mag':
        if (value !== '0' && value !== '1') throw new HashError('mag: must be 0 or 1');
        out.magnitude = value === '1';
        break;
      case 'lang':
        if (!isLanguage(value)) throw new HashError('lang: must be en or ko');
        out.language = value;
        break;
      case 'open': {
        const open = value.split(',').filter(Boolean);
        const bad = open.find((s) => !isSection(s));
        if (bad !== undefined) throw new HashError(`open: "${bad}" is not one of ${SECTIONS.join(', ')}`);
        out.openSections = open as SectionId[];
        break;
      }
      case 'lesson': {
        const step = /^[1-9][0-9]?$/.test(value) ? Number(value) : NaN;
        if (!(step <= EXAMPLES.length))
          throw new HashError(`lesson: must be a step from 1 to ${EXAMPLES.length}`);
        out.lesson = step;
        break;
      }
      case 'demo':
        out.demo = oneOfField(key, value, DEMOS);
        break;
      case 'wlayer':
        out.window = { ...out.window, layer: wholeNumber(key, value, 1, MAX_LAYERS) - 1 };
        break;
      case 'wmap':
        out.window = { ...out.window, map: wholeNumber(key, value, 1, MAX_FILTERS * 3) - 1 };
        break;
      case 'phase':
        out.window = { ...out.window, phase: oneOfField(key, value, WINDOW_PHASES) };
        break;
      case 'stop':
        out.window = { ...out.window, stop: wholeNumber(key, value, 1, MAX_STOP) - 1 };
        break;
      case 'smap':
        out.shrink = { ...out.shrink, map: wholeNumber(key, value, 1, MAX_FILTERS * 3) - 1 };
        break;
      case 'shift':
        out.shrink = { ...out.shrink, shift: wholeNumber(key, value, 0, MAX_SHIFT) };
        break;
      case 'dir':
        out.shrink = { ...out.shrink, direction: oneOfField(key, value, SHIFT_DIRECTIONS) };
        break;
      case 'edge':
        out.shrink = { ...out.shrink, edge: oneOfField(key, value, SHIFT_EDGES) };
        break;
      case 'units':
        out.denseUnits = wholeNumber(key, value, 1, MAX_DENSE_UNITS);
        break;
      default:
        throw new HashError(`${key}: unknown link field`);
    }
  }
  return out;
}
