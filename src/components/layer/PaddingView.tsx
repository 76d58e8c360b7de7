import { useId, useState, type CSSProperties } from 'react';
import { PAD_MODES, type Pads, type PadMode } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { layerOf, reflectProblem, useStore } from '../../store/index.ts';
import { shapeText } from '../pipeline/Figure.tsx';
import { TensorCanvas } from '../pipeline/TensorCanvas.tsx';
import { useGeometry } from '../useGeometry.ts';
import { defaultZoom, paddedSize, zoomCrop, ZOOMS, type Crop, type Zoom } from './paddingCrop.ts';
import { RadioGroup } from './RadioGroup.tsx';
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

const ZOOM_LABEL: Record<Zoom, MessageKey> = {
  whole: 'padview.zoom.whole',
  'top-left': 'padview.zoom.topLeft',
  'bottom-right': 'padview.zoom.bottomRight',
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
  const { height, width } = paddedSize(pads, size);
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

/**
 * The padded canvas with its marks, showing the `crop` window of it: the canvas and overlay are scaled up
 * and shifted inside a box with the window's aspect ratio (CSS only; the engine draws the whole input).
 */
function PaddedCanvas({ mode, pads, size, crop }: { mode: PadMode; pads: Pads; size: Size; crop: Crop }) {
  const t = useT();
  const { height, width } = paddedSize(pads, size);
  const zoomed = crop.rows !== height || crop.cols !== width;
  return (
    <div
      className={zoomed ? 'zoom-window zoomed' : 'zoom-window'}
      style={{ aspectRatio: `${crop.cols} / ${crop.rows}` }}
    >
      <div
        className="zoom-content"
        style={{
          width: percent(width, crop.cols),
          height: percent(height, crop.rows),
          left: `-${percent(crop.left, crop.cols)}`,
          top: `-${percent(crop.top, crop.rows)}`,
        }}
      >
        <TensorCanvas
          canvasKey={`padded-${mode}`}
          label={t('padview.canvas', { mode: t(MODE_NAME[mode]) })}
          width={width}
          height={height}
        />
        <PadOverlay pads={pads} size={size} />
      </div>
    </div>
  );
}

function PaddedFigure({
  mode,
  current,
  pads,
  size,
  channels,
  crop,
}: {
  mode: PadMode;
  current: boolean;
  pads: Pads;
  size: Size;
  channels: number;
  crop: Crop;
}) {
  const t = useT();
  const { height, width } = paddedSize(pads, size);
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
        <PaddedCanvas mode={mode} pads={pads} size={size} crop={crop} />
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
 * highlighted), with the padded cells marked. The engine draws the canvases ('padded-zeros', ...). Large
 * inputs open zoomed on a corner, where one or two padded pixels are visible.
 */
export function PaddingView() {
  const t = useT();
  const id = useId();
  const padMode = useStore((s) => layerOf(s, 0).padMode);
  const geometry = useGeometry();
  /** The person's zoom choice; null follows `defaultZoom`. */
  const [chosenZoom, setZoom] = useState<Zoom | null>(null);
  if (!geometry) return null;
  const { pads, input } = geometry;
  const size = { height: input.height, width: input.width };
  const none = pads.top === 0 && pads.bottom === 0 && pads.left === 0 && pads.right === 0;
  const zoom = chosenZoom ?? defaultZoom(pads, size);
  const crop = zoomCrop(zoom, pads, size);

  return (
    <section className="panel padding-view" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('padview.heading')}</h2>
      {none ? (
        <p className="hint">{t('padview.none')}</p>
      ) : (
        <>
          <p className="hint">{t('padview.intro', { ...pads })}</p>
          <div className="padded-zoom">
            <RadioGroup
              label={t('padview.zoom')}
              value={zoom}
              options={ZOOMS.map((z) => ({ value: z, label: t(ZOOM_LABEL[z]), hint: t('padview.zoomHint') }))}
              onChange={setZoom}
              hint={
                zoom === 'whole'
                  ? t('padview.zoomHint')
                  : t('padview.zoomCells', { rows: crop.rows, cols: crop.cols })
              }
            />
          </div>
          <div className="padded-row">
            {PAD_MODES.map((mode) => (
              <PaddedFigure
                key={mode}
                mode={mode}
                current={mode === padMode}
                pads={pads}
                size={size}
                channels={input.channels}
                crop={crop}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
