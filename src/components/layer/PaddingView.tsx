import { useId, type CSSProperties } from 'react';
import { PAD_MODES, type Pads, type PadMode } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { reflectProblem, useStore } from '../../store/index.ts';
import { shapeText } from '../pipeline/Figure.tsx';
import { TensorCanvas } from '../pipeline/TensorCanvas.tsx';
import { useGeometry } from '../useGeometry.ts';
import './layer.css';

const MODE_NAME: Record<PadMode, MessageKey> = {
  zeros: 'padview.zeros',
  reflect: 'padview.reflect',
  replicate: 'padview.replicate',
};

const MODE_TITLE: Record<PadMode, MessageKey> = {
  zeros: 'layer.padMode.zeros',
  reflect: 'layer.padMode.reflect',
  replicate: 'layer.padMode.replicate',
};

const MODE_HINT: Record<PadMode, MessageKey> = {
  zeros: 'layer.padMode.zerosHint',
  reflect: 'layer.padMode.reflectHint',
  replicate: 'layer.padMode.replicateHint',
};

interface Size {
  height: number;
  width: number;
}

const percent = (part: number, whole: number) => `${(100 * part) / whole}%`;

/**
 * Marks the padded cells over a padded canvas: hatched bands where padding was added and an outline around
 * the original image, placed in percentages of the padded size (no pixel is read back).
 */
function PadOverlay({ pads, size }: { pads: Pads; size: Size }) {
  const height = size.height + pads.top + pads.bottom;
  const width = size.width + pads.left + pads.right;
  const innerTop = percent(pads.top, height);
  const innerBottom = percent(pads.bottom, height);
  const bands: CSSProperties[] = [
    { top: 0, left: 0, right: 0, height: innerTop },
    { bottom: 0, left: 0, right: 0, height: innerBottom },
    { top: innerTop, bottom: innerBottom, left: 0, width: percent(pads.left, width) },
    { top: innerTop, bottom: innerBottom, right: 0, width: percent(pads.right, width) },
  ];
  return (
    <div className="pad-overlay" aria-hidden="true">
      {bands.map((style, i) => (
        <div key={i} className="pad-band" style={style} />
      ))}
      <div
        className="pad-outline"
        style={{
          top: innerTop,
          left: percent(pads.left, width),
          width: percent(size.width, width),
          height: percent(size.height, height),
        }}
      />
    </div>
  );
}

function PaddedFigure({
  mode,
  current,
  pads,
  size,
  channels,
}: {
  mode: PadMode;
  current: boolean;
  pads: Pads;
  size: Size;
  channels: number;
}) {
  const t = useT();
  const height = size.height + pads.top + pads.bottom;
  const width = size.width + pads.left + pads.right;
  const problem = mode === 'reflect' ? reflectProblem(pads, size) : null;
  return (
    <figure className={current ? 'stage padded-figure current' : 'stage padded-figure'}>
      {problem ? (
        <p className="padded-impossible">
          {t('padview.reflectImpossible', {
            pad: problem.pad,
            size: problem.size,
            max: problem.max,
            axis: t(problem.axis === 'tall' ? 'padview.tall' : 'padview.wide'),
          })}
        </p>
      ) : (
        <div className="canvas-box">
          <TensorCanvas
            canvasKey={`padded-${mode}`}
            label={t('padview.canvas', { mode: t(MODE_NAME[mode]) })}
            width={width}
            height={height}
          />
          <PadOverlay pads={pads} size={size} />
        </div>
      )}
      <figcaption>
        <span className="stage-title">{t(MODE_TITLE[mode])}</span>{' '}
        <span className="shape">{shapeText(height, width, channels)}</span>
        {current && <span className="padded-current"> {t('padview.current')}</span>}
        <span className="padded-hint">{t(MODE_HINT[mode])}</span>
      </figcaption>
    </figure>
  );
}

/**
 * The layer input padded by the current geometry's pads, in each padding mode side by side (the mode in use
 * highlighted), with the padded cells marked. The engine draws the canvases ('padded-zeros', ...).
 */
export function PaddingView() {
  const t = useT();
  const id = useId();
  const padMode = useStore((s) => s.spec.padMode);
  const geometry = useGeometry();
  if (!geometry) return null;
  const { pads, input } = geometry;
  const size = { height: input.height, width: input.width };
  const none = pads.top === 0 && pads.bottom === 0 && pads.left === 0 && pads.right === 0;

  return (
    <section className="panel padding-view" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('padview.heading')}</h2>
      {none ? (
        <p className="hint">{t('padview.none')}</p>
      ) : (
        <>
          <p className="hint">{t('padview.intro', { ...pads })}</p>
          <div className="padded-row">
            {PAD_MODES.map((mode) => (
              <PaddedFigure
                key={mode}
                mode={mode}
                current={mode === padMode}
                pads={pads}
                size={size}
                channels={input.channels}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
