import { useEngineStatus } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';

/**
 * While a dragged value is previewed at a lower resolution (a large image; see src/core/preview.ts):
 * which resolution, and that the full result follows. Nothing otherwise.
 */
export function PreviewNote() {
  const t = useT();
  const factor = useEngineStatus((status) => status.previewFactor);
  if (factor === null) return null;
  return (
    <div className="preview-note" role="status" data-preview-factor={factor}>
      <p>{t('preview.label', { factor })}</p>
      <p className="hint">{t('preview.hint')}</p>
    </div>
  );
}
