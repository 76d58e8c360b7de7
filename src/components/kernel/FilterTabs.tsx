/**
 * The filters of the layer as a tablist ("Filter 1", "Filter 2", ...; arrow keys, Home and End move
 * between them), with buttons to add, duplicate and remove filters, and to set the pair [Sobel x, Sobel y]. Which filter is selected is page
 * state of the editor, not part of the spec.
 */
import { useId, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import {
  addFilter,
  duplicateFilter,
  editedSpec,
  MAX_EDITOR_FILTERS,
  removeFilter,
  setSobelPair,
  useStore,
} from '../../store/index.ts';

interface Props {
  selected: number;
  onSelect: (index: number) => void;
  /** Id prefix shared with the tab panel. */
  idBase: string;
}

export function tabId(idBase: string, index: number): string {
  return `${idBase}-tab-${index}`;
}

export function panelId(idBase: string): string {
  return `${idBase}-panel`;
}

export function FilterTabs({ selected, onSelect, idBase }: Props) {
  const t = useT();
  const count = useStore((s) => editedSpec(s).filters.length);
  const pairHintId = useId();

  const focusTab = (index: number) => {
    onSelect(index);
    requestAnimationFrame(() => document.getElementById(tabId(idBase, index))?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = {
      ArrowRight: (selected + 1) % count,
      ArrowLeft: (selected - 1 + count) % count,
      Home: 0,
      End: count - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusTab(next);
  };
  const full = count >= MAX_EDITOR_FILTERS;

  return (
    <div className="filter-tabs-row">
      <div className="filter-tabs" role="tablist" aria-label={t('kernel.filters')}>
        {Array.from({ length: count }, (_, i) => (
          <button
            key={i}
            id={tabId(idBase, i)}
            type="button"
            role="tab"
            className="filter-tab"
            aria-selected={i === selected}
            aria-controls={panelId(idBase)}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => onSelect(i)}
            onKeyDown={onKeyDown}
          >
            {t('kernel.filterTab', { f: i + 1 })}
          </button>
        ))}
      </div>
      <div className="filter-actions">
        <button
          type="button"
          disabled={full}
          onClick={() => {
            const added = addFilter();
            if (added >= 0) onSelect(added);
          }}
        >
          {t('kernel.add')}
        </button>
        <button
          type="button"
          disabled={full}
          aria-label={t('kernel.duplicateLabel', { f: selected + 1 })}
          onClick={() => {
            const copy = duplicateFilter(selected);
            if (copy >= 0) onSelect(copy);
          }}
        >
          {t('kernel.duplicate')}
        </button>
        <button
          type="button"
          disabled={count <= 1}
          aria-label={t('kernel.removeLabel', { f: selected + 1 })}
          onClick={() => {
            if (removeFilter(selected)) onSelect(Math.max(0, selected - 1));
          }}
        >
          {t('kernel.remove')}
        </button>
        <button type="button" aria-describedby={pairHintId} onClick={() => setSobelPair()}>
          {t('kernel.sobelPair')}
        </button>
      </div>
      <p className="hint">
        {count === 1 ? t('kernel.filterCountOne') : t('kernel.filterCount', { n: count })}{' '}
        <span id={pairHintId}>{t('kernel.sobelPairHint')}</span>
      </p>
    </div>
  );
}
