import { useId, useState, type DragEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { loadFile, loadSample } from '../image/load.ts';
import { SAMPLES } from '../image/samples.ts';
import { useStore } from '../store/index.ts';
import { WebcamControl } from './webcam/WebcamControl.tsx';

/** Image in: the file chooser, the drop zone (drop or paste), and the sample picker. */
export function ImagePanel() {
  const t = useT();
  const inputId = useId();
  const sampleId = useStore((s) => (s.image?.source === 'sample' ? s.image.sampleId : null));
  const imageName = useStore((s) => s.image?.name ?? '');
  // A webcam frame is named in the page's language ("Webcam 640 × 480", "웹캠 640 × 480").
  const webcamName = useStore((s) =>
    s.image?.source === 'webcam' ? t('webcam.name', { width: s.image.width, height: s.image.height }) : null,
  );
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void loadFile(file);
  };

  return (
    <section className="panel" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('image.heading')}</h2>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        role="region"
        aria-label={t('image.dropZone')}
        tabIndex={0}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('image.dropHint')}</p>
        <label className="button" htmlFor={inputId}>
          {t('image.choose')}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="image/*"
          aria-label={t('image.choose')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void loadFile(file);
            e.target.value = '';
          }}
        />
        {imageName && <p className="current-image">{t('image.loaded', { name: webcamName ?? imageName })}</p>}
      </div>
      <WebcamControl />
      <div className="field">
        <label htmlFor={`${inputId}-sample`}>{t('image.sample')}</label>
        <select
          id={`${inputId}-sample`}
          value={sampleId ?? ''}
          onChange={(e) => e.target.value && void loadSample(e.target.value)}
        >
          {!sampleId && <option value="">—</option>}
          {(['photos', 'fashion'] as const).map((group) => (
            <optgroup
              key={group}
              label={t(group === 'photos' ? 'image.samplesGroup.photos' : 'image.samplesGroup.fashion')}
            >
              {SAMPLES.filter((s) => s.group === group).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </section>
  );
}
