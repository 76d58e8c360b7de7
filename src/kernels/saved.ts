/**
 * Kernels a person saved under a name, kept in localStorage. Everything read back is validated: a corrupt,
 * foreign or hand-edited entry is dropped, and a storage that throws (disabled, full, private mode) reads
 * as empty and reports a failed write, so it can never break the page.
 */
import { parseSpec, type Weights } from '../core/index.ts';
import { depthOf, MAX_SIDE, sizeOf, slicesOf } from './ops.ts';

export const SAVED_KEY = 'kernelscope.savedKernels';
export const MAX_SAVED = 50;
export const MAX_NAME_LENGTH = 40;

export interface SavedKernel {
  name: string;
  weights: Weights;
  bias: number;
}

/** The part of Storage this module uses (localStorage, or a stand-in in tests). */
export type KernelStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or null where reading it throws (some privacy settings). */
export function browserStorage(): KernelStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A name as it is stored: trimmed, inner runs of space collapsed, at most MAX_NAME_LENGTH characters. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH).trim();
}

/** One entry checked as the core checks a spec's filter, or null. */
export function validSaved(value: unknown): SavedKernel | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entry = value as Record<string, unknown>;
  if (typeof entry.name !== 'string' || cleanName(entry.name) === '') return null;
  try {
    const depth = Array.isArray(entry.weights) ? depthOf(entry.weights as Weights) : 0;
    if (depth > 1 && depth !== 3) return null;
    const spec = parseSpec({
      channels: depth === 3 ? 'rgb' : 'gray',
      filters: [{ weights: entry.weights, bias: entry.bias ?? 0 }],
    });
    const filter = spec.filters[0];
    if (!filter) return null;
    // Depth 1 (a gray link's kh x kw x 1) is the same kernel as kh x kw.
    if (depth === 1) filter.weights = slicesOf(filter.weights)[0] ?? [[0]];
    const [kh, kw] = sizeOf(filter.weights);
    if (kh > MAX_SIDE || kw > MAX_SIDE) return null;
    return { name: cleanName(entry.name), weights: filter.weights, bias: filter.bias };
  } catch {
    // A SpecError, or anything odd a hand-edited entry provokes: the entry is dropped, never the page.
    return null;
  }
}

/** The saved kernels, valid ones only, unique by name, in the order they were saved. */
export function readSaved(storage: KernelStorage | null): SavedKernel[] {
  let raw: string | null;
  try {
    raw = storage?.getItem(SAVED_KEY) ?? null;
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const seen = new Set<string>();
  const out: SavedKernel[] = [];
  for (const item of parsed.slice(0, MAX_SAVED)) {
    const kernel = validSaved(item);
    if (!kernel || seen.has(kernel.name)) continue;
    seen.add(kernel.name);
    out.push(kernel);
  }
  return out;
}

function write(storage: KernelStorage | null, list: SavedKernel[]): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SAVED_KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

export type SaveResult = 'saved' | 'replaced' | 'invalid' | 'full' | 'failed';

/**
 * Saves a kernel under `name` (replacing one of the same name, in place). 'invalid' for an empty name or
 * weights the core would refuse, 'full' at MAX_SAVED kernels, 'failed' when storage refused the write.
 */
export function saveKernel(storage: KernelStorage | null, kernel: SavedKernel): SaveResult {
  const valid = validSaved(kernel);
  if (!valid) return 'invalid';
  const list = readSaved(storage);
  const at = list.findIndex((k) => k.name === valid.name);
  if (at < 0 && list.length >= MAX_SAVED) return 'full';
  if (at >= 0) list[at] = valid;
  else list.push(valid);
  if (!write(storage, list)) return 'failed';
  return at >= 0 ? 'replaced' : 'saved';
}

/** Removes the kernel called `name`; false when storage refused the write. */
export function deleteSaved(storage: KernelStorage | null, name: string): boolean {
  return write(
    storage,
    readSaved(storage).filter((k) => k.name !== name),
  );
}
