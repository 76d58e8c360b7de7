/**
 * The folded parts of the page (native `<details>`): which are open is state a person chose, kept in the
 * link as `open=filter,layer`. A spec that uses a folded feature opens the section that holds it, so a
 * link shows why its maps look as they do.
 */
import type { LayerSpec, NetworkSpec } from '../core/index.ts';
import { lessonHash } from '../examples/examples.ts';
import { store } from './store.ts';

/**
 * In page order: filter tools, more layer options, the padded input, stride against pooling, dense against
 * convolution, the numbers, the code.
 */
export const SECTIONS = ['filter', 'layer', 'padded', 'shrink', 'dense', 'numbers', 'code'] as const;
export type SectionId = (typeof SECTIONS)[number];

export function isSection(value: string): value is SectionId {
  return (SECTIONS as readonly string[]).includes(value);
}

/** The sections holding what this spec uses beyond the first screen (bias, flip; dilation, pad mode, activation). */
export function sectionsForSpec(spec: LayerSpec): SectionId[] {
  const out: SectionId[] = [];
  if (spec.flip || spec.filters.some((f) => f.bias !== 0)) out.push('filter');
  if (spec.dilation.some((d) => d !== 1) || spec.padMode !== 'zeros' || spec.activation !== 'none') {
    out.push('layer');
  }
  return out;
}

/** The sections holding what any layer of the network uses beyond the first screen. */
export function sectionsForNetwork(net: NetworkSpec): SectionId[] {
  return withSections([], net.layers.flatMap(sectionsForSpec)) as SectionId[];
}

/** Both lists merged, in page order. */
export function withSections(open: readonly SectionId[], more: readonly SectionId[]): readonly SectionId[] {
  return SECTIONS.filter((s) => open.includes(s) || more.includes(s));
}

export function setSectionOpen(section: SectionId, open: boolean): void {
  const current = store.getState().openSections;
  if (current.includes(section) === open) return;
  store.setState({
    openSections: open ? withSections(current, [section]) : current.filter((s) => s !== section),
  });
}

/** The lesson's step (1-based), or null to close it. */
export function setLessonStep(lesson: number | null): void {
  store.setState({ lesson });
}

/** Opens step `step` of the lesson as its link would: link.ts opens the new hash (spec, sample, step). */
export function openLesson(step: number): void {
  location.hash = lessonHash(step);
}
