import { useState } from 'react';
import { engine } from '../../engine/index.ts';
import { fileStem, saveCanvasPng, saveNpy } from '../../export/download.ts';
import { useT } from '../../i18n/index.ts';
import { raise } from '../../store/index.ts';
import { openFocus, type FocusTarget } from '../focus/focusState.ts';

interface Props {
  /** The engine canvas key of the figure's canvas. */
  canvasKey: string;
  /** The canvas's accessible name, e.g. "Feature map 1": names the buttons and the files. */
  name: string;
  /** What the "Enlarge" button opens in the focus view (no button without it). */
  focus?: FocusTarget;
}

/** Save a figure's canvas as PNG, or the values behind it as .npy (read back only on request). */
export function FigureActions({ canvasKey, name, focus }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const stem = fileStem(name);

  const onPng = (button: HTMLButtonElement) => {
    const canvas = button.closest('figure')?.querySelector('canvas');
    if (!canvas) return;
    saveCanvasPng(canvas, `${stem}.png`).catch((error: unknown) =>
      raise({ key: 'error.backend', params: { backend: 'canvas', detail: String(error) } }),
    );
  };
  const onNpy = async () => {
    setBusy(true);
    try {
      const values = await engine.readView(canvasKey);
      if (values) saveNpy(values.data, values.shape, `${stem}.npy`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="figure-actions">
      {focus && (
        <button
          type="button"
          className="mini"
          aria-label={t('focus.open', { name })}
          title={t('focus.open', { name })}
          onClick={(e) => openFocus(focus, e.currentTarget)}
        >
          {t('focus.openShort')}
        </button>
      )}
      <button
        type="button"
        className="mini"
        aria-label={t('export.png', { name })}
        title={t('export.png', { name })}
        onClick={(e) => onPng(e.currentTarget)}
      >
        PNG
      </button>
      <button
        type="button"
        className="mini"
        aria-label={t('export.npy', { name })}
        title={t('export.npy', { name })}
        disabled={busy}
        onClick={() => void onNpy()}
      >
        .npy
      </button>
    </span>
  );
}
