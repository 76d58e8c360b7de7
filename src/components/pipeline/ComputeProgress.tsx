import { useEngineStatus } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';

/**
 * While a large image's layer is computed in strips and its maps drawn one by one: how far it has come.
 * The page answers meanwhile; an edit made now replaces the frame being computed. Nothing otherwise.
 */
export function ComputeProgress() {
  const t = useT();
  const progress = useEngineStatus((status) => status.progress);
  if (!progress) return null;
  const percent = Math.round((100 * progress.done) / Math.max(1, progress.total));
  return (
    <div className="compute-progress" role="status">
      <label>
        {t('progress.label', { percent })}
        <progress max={progress.total} value={progress.done} />
      </label>
      <p className="hint">{t('progress.hint')}</p>
    </div>
  );
}
