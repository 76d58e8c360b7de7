/**
 * The preset library: combobox "Kernel preset" (grouped; applies to the selected filter, in every
 * channel), the chosen preset's one-line explanation, and size and σ controls when the kernel is a
 * Gaussian. An edited kernel shows "Custom" (matchPreset).
 */
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import {
  DEFAULT_GAUSSIAN,
  GAUSSIAN_SIGMA,
  GAUSSIAN_SIZES,
  gaussianKernel,
  matchGaussian,
  type GaussianParams,
} from '../../kernels/gaussian.ts';
import { findPreset, GAUSSIAN_ID, matchPreset } from '../../kernels/presets.ts';
import { PresetOptions } from './PresetOptions.tsx';
import { applyPreset, editedSpec, useStore } from '../../store/index.ts';

function GaussianControls({ filter, params }: { filter: number; params: GaussianParams }) {
  const t = useT();
  const hintId = useId();
  const [sigmaDraft, setSigmaDraft] = useState<string | null>(null);
  const apply = (size: number, sigma: number) => applyPreset(filter, gaussianKernel(size, sigma));
  const validSigma = (text: string) => {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) && n >= GAUSSIAN_SIGMA.min && n <= GAUSSIAN_SIGMA.max
      ? n
      : null;
  };
  const invalid = sigmaDraft !== null && validSigma(sigmaDraft) === null;
  return (
    <div className="gaussian-controls" aria-describedby={hintId}>
      <label className="kernel-inline">
        <span>{t('kernel.gaussianSize')}</span>
        <select value={params.size} onChange={(e) => apply(Number(e.target.value), params.sigma)}>
          {GAUSSIAN_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} × {size}
            </option>
          ))}
        </select>
      </label>
      <label className="kernel-inline">
        <span>{t('kernel.gaussianSigma')}</span>
        <input
          type="number"
          min={GAUSSIAN_SIGMA.min}
          max={GAUSSIAN_SIGMA.max}
          step={GAUSSIAN_SIGMA.step}
          aria-invalid={invalid || undefined}
          value={sigmaDraft ?? String(params.sigma)}
          onChange={(e) => {
            const sigma = validSigma(e.target.value);
            setSigmaDraft(e.target.value);
            if (sigma !== null) apply(params.size, sigma);
          }}
          onBlur={() => setSigmaDraft(null)}
        />
      </label>
      <p className="hint" id={hintId}>
        {t('kernel.gaussianHint')}
      </p>
    </div>
  );
}

export function PresetPicker({ filter }: { filter: number }) {
  const t = useT();
  const id = useId();
  const weights = useStore((s) => editedSpec(s).filters[filter]?.weights);
  const preset = matchPreset(weights);
  const gaussian = preset?.id === GAUSSIAN_ID ? matchGaussian(weights) : null;

  const onPick = (presetId: string) => {
    if (presetId === GAUSSIAN_ID) {
      applyPreset(filter, gaussianKernel(DEFAULT_GAUSSIAN.size, DEFAULT_GAUSSIAN.sigma));
      return;
    }
    const picked = findPreset(presetId);
    if (picked) applyPreset(filter, picked.weights);
  };

  return (
    <div className="preset-picker">
      <div className="field">
        <label htmlFor={id}>{t('kernel.preset')}</label>
        <select id={id} value={preset?.id ?? 'custom'} onChange={(e) => onPick(e.target.value)}>
          {!preset && <option value="custom">{t('kernel.custom')}</option>}
          <PresetOptions />
        </select>
      </div>
      <p className="hint preset-info">{t(preset ? preset.info : 'presetInfo.custom')}</p>
      {gaussian && <GaussianControls key={filter} filter={filter} params={gaussian} />}
    </div>
  );
}
