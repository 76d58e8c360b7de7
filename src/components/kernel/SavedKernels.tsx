/**
 * Kernels saved in this browser (localStorage, src/kernels/saved.ts): save the selected filter under a
 * name, then load a saved kernel into the selected filter, or delete it. Storage that is corrupt or
 * unavailable reads as an empty list.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { sizeOf } from '../../kernels/ops.ts';
import {
  browserStorage,
  cleanName,
  deleteSaved,
  MAX_NAME_LENGTH,
  MAX_SAVED,
  readSaved,
  SAVED_KEY,
  saveKernel,
  type SavedKernel,
} from '../../kernels/saved.ts';
import { editedSpec, setFilterWeights, store } from '../../store/index.ts';

interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

function shapeOf(kernel: SavedKernel): string {
  const [kh, kw] = sizeOf(kernel.weights);
  return Array.isArray(kernel.weights[0]?.[0]) ? `${kh} × ${kw} × 3` : `${kh} × ${kw}`;
}

export function SavedKernels({ filter }: { filter: number }) {
  const t = useT();
  const [list, setList] = useState<SavedKernel[]>(() => readSaved(browserStorage()));
  const [name, setName] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const nameId = useId();

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === SAVED_KEY) setList(readSaved(browserStorage()));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const clean = cleanName(name);
    const current = editedSpec(store.getState()).filters[filter];
    if (!clean || !current) {
      setMessage({ key: 'kernel.savedInvalid' });
      return;
    }
    const result = saveKernel(browserStorage(), {
      name: clean,
      weights: current.weights,
      bias: current.bias,
    });
    const key: Record<typeof result, MessageKey> = {
      saved: 'kernel.savedDone',
      replaced: 'kernel.savedReplaced',
      invalid: 'kernel.savedInvalid',
      full: 'kernel.savedFull',
      failed: 'kernel.savedFailed',
    };
    setMessage({ key: key[result], params: { name: clean, max: MAX_SAVED } });
    setList(readSaved(browserStorage()));
    if (result === 'saved' || result === 'replaced') setName('');
  };

  const onLoad = (kernel: SavedKernel) => {
    if (setFilterWeights(filter, kernel.weights, kernel.bias)) {
      setMessage({ key: 'kernel.savedLoaded', params: { name: kernel.name, f: filter + 1 } });
    } else {
      setMessage(null);
    }
  };

  const onDelete = (kernel: SavedKernel) => {
    const ok = deleteSaved(browserStorage(), kernel.name);
    setList(readSaved(browserStorage()));
    setMessage({ key: ok ? 'kernel.savedDeleted' : 'kernel.savedFailed', params: { name: kernel.name } });
  };

  return (
    <details className="saved-kernels">
      <summary>{t('kernel.saved')}</summary>
      <form className="saved-form" onSubmit={onSave}>
        <label htmlFor={nameId} className="visually-hidden">
          {t('kernel.savedName')}
        </label>
        <input
          id={nameId}
          type="text"
          maxLength={MAX_NAME_LENGTH}
          placeholder={t('kernel.savedName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">{t('kernel.save')}</button>
      </form>
      <p className="hint">{t('kernel.savedHint', { f: filter + 1 })}</p>
      <p className="saved-message" aria-live="polite">
        {message ? t(message.key, message.params) : ''}
      </p>
      {list.length === 0 ? (
        <p className="hint">{t('kernel.savedEmpty')}</p>
      ) : (
        <ul className="saved-list" aria-label={t('kernel.savedList')}>
          {list.map((kernel) => (
            <li key={kernel.name}>
              <span className="saved-name">{kernel.name}</span>
              <span className="saved-shape">{shapeOf(kernel)}</span>
              <button
                type="button"
                aria-label={t('kernel.savedLoadLabel', { name: kernel.name })}
                onClick={() => onLoad(kernel)}
              >
                {t('kernel.savedLoad')}
              </button>
              <button
                type="button"
                aria-label={t('kernel.savedDeleteLabel', { name: kernel.name })}
                onClick={() => onDelete(kernel)}
              >
                {t('kernel.savedDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
