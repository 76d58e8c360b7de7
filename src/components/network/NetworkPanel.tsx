/**
 * The "Network" panel: one button per layer (the one the kernel editor and the layer controls edit is
 * pressed), each with its shape in the course notes' words ("3×3×8 → pool"); "Add layer" (up to
 * MAX_LAYERS, saying why when full) and "Remove layer N" for the edited layer after the first.
 */
import { useId } from 'react';
import { kernelShape, MAX_LAYERS, type LayerOutput, type NetworkLayer } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { addLayer, editLayer, removeLayer, useStore } from '../../store/index.ts';
import './network.css';

const FEED_SHORT: Record<LayerOutput, MessageKey> = {
  maxpool: 'network.feedShort.maxpool',
  avgpool: 'network.feedShort.avgpool',
  conv: 'network.feedShort.conv',
};

/** "kh×kw×filters", and "→ what it feeds on" for every layer but the last (whose `output` is ignored). */
function useSummary(): (layer: NetworkLayer, last: boolean) => string {
  const t = useT();
  return (layer, last) => {
    const { kh, kw } = kernelShape(layer.filters[0]?.weights ?? [[0]]);
    const params = { kh, kw, f: layer.filters.length };
    return last
      ? t('network.summary', params)
      : t('network.summaryFeeds', { ...params, feed: t(FEED_SHORT[layer.output]) });
  };
}

export function NetworkPanel() {
  const t = useT();
  const layers = useStore((s) => s.network.layers);
  const editing = useStore((s) => s.editing);
  const summary = useSummary();
  const id = useId();
  const full = layers.length >= MAX_LAYERS;
  return (
    <section className="panel network-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('network.heading')}</h2>
      <p className="hint">{t('network.intro')}</p>
      <ol className="network-layers">
        {layers.map((layer, k) => (
          <li key={k} className="network-layer-item">
            {/* The shape sits beside the button, not in it: a name must hold the visible label (WCAG 2.5.3). */}
            <button
              type="button"
              className="network-layer"
              aria-pressed={k === editing}
              aria-label={t('network.edit', { n: k + 1 })}
              aria-describedby={`${id}-summary-${k}`}
              onClick={() => editLayer(k)}
            >
              <span className="network-layer-name">{t('network.layer', { n: k + 1 })}</span>
            </button>
            <span id={`${id}-summary-${k}`} className="network-layer-shape">
              {summary(layer, k === layers.length - 1)}
            </span>
          </li>
        ))}
      </ol>
      <div className="network-actions">
        <button
          type="button"
          disabled={full}
          aria-describedby={`${id}-add-hint`}
          onClick={() => void addLayer()}
        >
          {t('network.add')}
        </button>
        {editing >= 1 && (
          <button type="button" onClick={() => void removeLayer(editing)}>
            {t('network.remove', { n: editing + 1 })}
          </button>
        )}
      </div>
      <p id={`${id}-add-hint`} className="hint">
        {full ? t('network.full', { max: MAX_LAYERS }) : t('network.addHint')}
      </p>
    </section>
  );
}
