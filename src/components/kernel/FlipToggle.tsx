/**
 * Checkbox "Flip kernel (true convolution)" (spec.flip). When on, the selected filter is shown twice: as
 * typed, and turned 180° as it is actually applied, with a line on cross-correlation versus convolution.
 */
import { useId, useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import { rotate180, sizeOf } from '../../kernels/ops.ts';
import { editedSpec, setFlip, useStore } from '../../store/index.ts';
import { FilterCanvas } from './FilterCanvas.tsx';

export function FlipToggle({ filter }: { filter: number }) {
  const t = useT();
  const flip = useStore((s) => editedSpec(s).flip);
  const weights = useStore((s) => editedSpec(s).filters[filter]?.weights);
  const applied = useMemo(() => (weights ? rotate180(weights) : null), [weights]);
  const hintId = useId();
  const shape = weights ? sizeOf(weights).join(' × ') : '';
  return (
    <div className="flip-toggle">
      <label className="kernel-checkbox">
        <input
          type="checkbox"
          checked={flip}
          aria-describedby={hintId}
          onChange={(e) => setFlip(e.target.checked)}
        />
        {t('kernel.flip')}
      </label>
      <p className="hint" id={hintId}>
        {t('kernel.flipHint')}
      </p>
      {flip && weights && applied && (
        <div className="flip-views">
          <figure className="flip-view">
            <FilterCanvas weights={weights} label={t('kernel.typedLabel', { f: filter + 1 })} />
            <figcaption>
              {t('kernel.typed')} <span className="shape">{shape}</span>
            </figcaption>
          </figure>
          <span className="flip-arrow" aria-hidden="true">
            ⟳ 180°
          </span>
          <figure className="flip-view">
            <FilterCanvas weights={applied} label={t('kernel.appliedLabel', { f: filter + 1 })} />
            <figcaption>
              {t('kernel.applied')} <span className="shape">{shape}</span>
            </figcaption>
          </figure>
        </div>
      )}
    </div>
  );
}
