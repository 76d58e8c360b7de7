import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { setSectionOpen, useStore, type SectionId } from '../store/index.ts';

interface Props {
  section: SectionId;
  /** The summary: what is inside, in a few words. */
  title: MessageKey;
  className?: string;
  children: ReactNode;
}

/**
 * A folded part of the page: a native `<details>` (keyboard and screen readers know it) whose open state
 * lives in the store, hence in the link. Its content stays mounted, so what it holds keeps its state.
 */
export function Fold({ section, title, className, children }: Props) {
  const t = useT();
  const open = useStore((s) => s.openSections.includes(section));
  return (
    <details
      className={`fold${className ? ` ${className}` : ''}`}
      open={open}
      onToggle={(event) => setSectionOpen(section, event.currentTarget.open)}
      data-section={section}
    >
      <summary>{t(title)}</summary>
      <div className="fold-body">{children}</div>
    </details>
  );
}
