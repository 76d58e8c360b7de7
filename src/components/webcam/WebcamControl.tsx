import { useEffect } from 'react';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { startWebcam, stopWebcam, useWebcam } from '../../webcam/index.ts';
import './webcam.css';

/** "Use webcam" / "Stop webcam", and the frame rate while the webcam is the input. */
export function WebcamControl() {
  const t = useT();
  const status = useWebcam((s) => s.status);
  const fps = useWebcam((s) => s.fps);
  const fromWebcam = useStore((s) => s.image?.source === 'webcam');

  // The page never unmounts the image panel, but if it did the camera must not stay on.
  useEffect(() => () => stopWebcam(), []);

  const live = status === 'live';
  let note: string | null = null;
  if (status === 'starting') note = t('webcam.starting');
  else if (live) note = fps === null ? t('webcam.liveWaiting') : t('webcam.live', { fps: fps.toFixed(1) });
  else if (fromWebcam) note = t('webcam.stopped');

  return (
    <div className="webcam">
      <button
        type="button"
        className={live ? 'webcam-toggle live' : 'webcam-toggle'}
        disabled={status === 'starting'}
        onClick={() => (live ? stopWebcam() : void startWebcam())}
      >
        {live ? t('webcam.stop') : t('webcam.start')}
      </button>
      {note && (
        <p className="webcam-note" data-fps={live && fps !== null ? fps.toFixed(1) : undefined}>
          {live && <span className="webcam-dot" aria-hidden="true" />}
          {note}
        </p>
      )}
    </div>
  );
}
