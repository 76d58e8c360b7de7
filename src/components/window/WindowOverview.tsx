import type { CellRect } from '../../core/cellWindows.ts';
import type { Stage } from '../../core/index.ts';
import type { LayerOutput } from '../../core/network.ts';
import { canvasKey } from '../../engine/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { TensorCanvas } from '../pipeline/TensorCanvas.tsx';
import type { WindowModel } from './useWindowModel.ts';
import type { PoolKind } from './WindowSource.tsx';
import { percentRect } from './windowView.ts';

/** The stage of layer k-1 a deeper layer reads. */
const FED_STAGE: Record<LayerOutput, Stage> = { maxpool: 'maxPool', avgpool: 'avgPool', conv: 'features' };

/** A second canvas of an existing view, so the engine draws it here too. */
const here = (key: string) => `${key}@window`;

function Marked({
  canvas,
  label,
  height,
  width,
  mark,
}: {
  canvas: string;
  label: string;
  height: number;
  width: number;
  mark: CellRect | null;
}) {
  return (
    <div className="sw-mini">
      <TensorCanvas canvasKey={canvas} label={label} width={width} height={height} />
      {mark && <div className="sw-mini-mark" style={percentRect(mark, height, width)} aria-hidden="true" />}
    </div>
  );
}

/**
 * The whole input and the whole map, small, with the window and the written cell marked: on a photo,
 * where the zoomed grids are.
 */
export function WindowOverview({
  model,
  poolKind,
  inputMap,
  t,
}: {
  model: WindowModel;
  poolKind: PoolKind;
  inputMap: number;
  t: Translate;
}) {
  const { geometry, layer, map, phase, current, fedFrom } = model;
  const conv = phase === 'conv';
  const m = map + 1;
  const inKey = conv
    ? layer === 0
      ? 'input'
      : canvasKey(FED_STAGE[fedFrom ?? 'maxpool'], Math.min(inputMap, geometry.input.channels - 1), layer - 1)
    : canvasKey('features', map, layer);
  const inSize = conv ? geometry.input : geometry.conv;
  const out = conv ? geometry.conv : geometry.pool;
  const outKey = canvasKey(conv ? 'features' : poolKind, map, layer);
  const cell = current ? { top: current.y, left: current.x, height: 1, width: 1 } : null;
  return (
    <figure className="sw-overview">
      <div className="sw-minis">
        <Marked
          canvas={here(inKey)}
          label={conv ? t('window.overview.input') : t('window.overview.map', { m })}
          height={inSize.height}
          width={inSize.width}
          mark={current?.window ?? null}
        />
        <Marked
          canvas={here(outKey)}
          label={t(conv ? 'window.overview.map' : 'window.overview.pooled', { m })}
          height={out.height}
          width={out.width}
          mark={cell}
        />
      </div>
      <figcaption>{t('window.overview')}</figcaption>
    </figure>
  );
}
