/**
 * Actions on the whole spec: reset to the defaults, export as JSON, import from a file (validated, with an
 * alert naming the problem and the current spec kept), opening a course-note example through its share
 * link (the same code path as any link: link.ts opens `location.hash`).
 */
import { compactNetwork, fullNetwork, parseNetwork, SpecError, type NetworkSpec } from '../core/index.ts';
import { exampleHash, type CourseExample } from '../examples/examples.ts';
import { DEFAULT_MAP_DISPLAY, type Notice } from './state.ts';
import { commitNetwork, defaultNetwork, networkChangeProblem, raise, store } from './store.ts';

/** Largest spec file taken: 64 filters of 31 × 31 × 3 written out fit well within it. */
export const MAX_SPEC_FILE_BYTES = 2 * 1024 * 1024;

export type SpecExportKind = 'compact' | 'full';

/** Every setting back to its default (spec, colour scale, magnitude view); the image and language stay. */
export function resetSettings(): boolean {
  const applied = commitNetwork(defaultNetwork().layers, 0);
  if (applied) store.setState({ mapDisplay: DEFAULT_MAP_DISPLAY, magnitude: false, inspect: null });
  return applied;
}

/** The network as a JSON file (a plain layer spec for one layer): only what differs from the defaults, or every field. */
export function specFile(network: NetworkSpec, kind: SpecExportKind): { name: string; json: string } {
  const value = kind === 'compact' ? compactNetwork(network) : fullNetwork(network);
  return {
    name: kind === 'compact' ? 'kernelscope-spec.json' : 'kernelscope-spec-full.json',
    json: `${JSON.stringify(value, null, 2)}\n`,
  };
}

/** Why `text` (the contents of the file `name`) cannot be the spec of the current image, or the spec. */
export function checkSpecText(text: string, name: string): { network: NetworkSpec } | { notice: Notice } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { notice: { key: 'spec.import.notJson', params: { name, detail: (error as Error).message } } };
  }
  let network: NetworkSpec;
  try {
    network = parseNetwork(json);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const prefix = `${error.field}: `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { notice: { key: 'spec.import.invalid', params: { name, field: error.field, detail } } };
  }
  const { network: current, image } = store.getState();
  const problem = networkChangeProblem(current, network, image);
  if (problem) return { notice: { key: 'spec.import.image', params: { name, detail: problem.message } } };
  return { network };
}

/** Applies a spec file's text, or raises an alert naming the problem and keeps the current spec. */
export function importSpecText(text: string, name: string): boolean {
  const checked = checkSpecText(text, name);
  if ('notice' in checked) {
    raise(checked.notice);
    return false;
  }
  store.setState({ network: checked.network, editing: 0, error: null });
  return true;
}

/** Reads a chosen file and imports it (refusing anything larger than a spec can be). */
export async function importSpecFile(file: File): Promise<boolean> {
  if (file.size > MAX_SPEC_FILE_BYTES) {
    raise({
      key: 'spec.import.tooBig',
      params: {
        name: file.name,
        kb: Math.ceil(file.size / 1024),
        maxKb: MAX_SPEC_FILE_BYTES / 1024,
      },
    });
    return false;
  }
  return importSpecText(await file.text(), file.name);
}

/** Opens an example as its share link would: link.ts opens the new hash and loads its sample. */
export function openExample(example: CourseExample): void {
  location.hash = exampleHash(example);
}
