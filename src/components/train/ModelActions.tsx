/** The trained model's actions: use it in the workbench, export it, import one (a bad file changes nothing). */
import { useRef, type ChangeEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { applyTrainedModel, exportModel, importModel, type TrainState } from '../../training/store.ts';

export function ModelActions({ state }: { state: TrainState }) {
  const t = useT();
  const fileRef = useRef<HTMLInputElement>(null);
  const busy = state.phase === 'loading' || state.phase === 'training' || state.phase === 'paused';
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void importModel(file);
  };
  const onUse = () => {
    void applyTrainedModel().then((ok) => {
      if (ok) document.querySelector('.results')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
  };
  return (
    <div className="train-model">
      {state.result && (
        <>
          <button type="button" className="primary" onClick={onUse}>
            {t('train.useInWorkbench')}
          </button>
          <button type="button" onClick={exportModel}>
            {t('train.export')}
          </button>
        </>
      )}
      <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
        {t('train.import')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('train.importFile')}
        onChange={onFile}
      />
      {state.result && <p className="train-note">{t('train.useInWorkbenchHint')}</p>}
      {state.importError && (
        <p className="train-error" role="alert">
          {t('train.importError', { detail: state.importError })}
        </p>
      )}
    </div>
  );
}
