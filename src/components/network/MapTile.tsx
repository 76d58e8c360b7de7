import { memo } from 'react';
import type { Stage } from '../../core/index.ts';
import { canvasKey } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';
import { openFocus } from '../focus/focusState.ts';
import { shapeText } from '../pipeline/Figure.tsx';
import { MapCanvas } from '../pipeline/MapCanvas.tsx';

interface Props {
  /** 0-based layer (≥ 1: the first layer's maps are MapRow's). */
  layer: number;
  stage: Stage;
  map: number;
  height: number;
  width: number;
  /** The canvas's accessible name, e.g. "Layer 2 feature map 3". */
  label: string;
}

/**
 * One map of a deeper layer among its small multiples: the canvas (inspectable, with the probe and the
 * traced window over it), its number and `H × W` as the caption, and a button opening it in the focus view.
 */
export const MapTile = memo(function MapTile({ layer, stage, map, height, width, label }: Props) {
  const t = useT();
  const key = canvasKey(stage, map, layer);
  const open = t('focus.open', { name: label });
  return (
    <figure className="stage map-tile">
      <MapCanvas layer={layer} stage={stage} map={map} height={height} width={width} label={label} />
      <figcaption>
        <span className="tile-index">{map + 1}</span>{' '}
        <span className="shape">{shapeText(height, width)}</span>
        <button
          type="button"
          className="mini tile-enlarge"
          aria-label={open}
          title={open}
          onClick={(e) =>
            openFocus({ kind: stage, map, name: label, canvasKey: key, layer }, e.currentTarget)
          }
        >
          <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
            <path
              d="M1 4.5V1h3.5M7.5 1H11v3.5M11 7.5V11H7.5M4.5 11H1V7.5"
              fill="none"
              stroke="currentColor"
            />
          </svg>
        </button>
      </figcaption>
    </figure>
  );
});
