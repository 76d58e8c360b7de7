import { useId } from 'react';
import { MAX_SHIFT, SHIFT_EDGES, type Downsampling, type ShiftEdge } from '../../core/index.ts';
import { movedInputKey, shrunkKey } from '../../engine/views.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { setShrinkDemo, SHIFT_DIRECTIONS, useStore, type ShiftDirection } from '../../store/index.ts';
import { RadioGroup } from '../layer/RadioGroup.tsx';
import { shapeText } from '../pipeline/Figure.tsx';
import { TensorCanvas } from '../pipeline/TensorCanvas.tsx';
import { ChangeBars, SHORT_NAME } from './ChangeBars.tsx';
import { shiftOf } from './changeStats.ts';
import { NoOutput } from './ShrinkCompare.tsx';
import type { WayOutcome } from './shrinkWays.ts';
import { measureKey, useChangeStats } from './useChangeStats.ts';

const DIRECTION: Record<ShiftDirection, { label: MessageKey; hint: MessageKey }> = {
  right: { label: 'shrink.dir.right', hint: 'shrink.dir.rightHint' },
  down: { label: 'shrink.dir.down', hint: 'shrink.dir.downHint' },
  diagonal: { label: 'shrink.dir.diagonal', hint: 'shrink.dir.diagonalHint' },
};

const EDGE: Record<ShiftEdge, { label: MessageKey; hint: MessageKey }> = {
  wrap: { label: 'shrink.edge.wrap', hint: 'shrink.edge.wrapHint' },
  zeros: { label: 'shrink.edge.zeros', hint: 'shrink.edge.zerosHint' },
};

const CHANGE_NAME: Record<Downsampling, MessageKey> = {
  stride: 'shrink.changeCanvas.stride',
  maxPool: 'shrink.changeCanvas.maxPool',
  avgPool: 'shrink.changeCanvas.avgPool',
};

interface Props {
  outcomes: readonly WayOutcome[];
  map: number;
  height: number;
  width: number;
  /** The fold is open: only then are the numbers read back. */
  active: boolean;
}

/** The translation test: move the input, see where and how much each shrunk map changes. */
export function MoveTest({ outcomes, map, height, width, active }: Props) {
  const t = useT();
  const id = useId();
  const { shift: pixels, direction, edge } = useStore((s) => s.shrink);
  const shift = shiftOf(direction, pixels, edge);
  const measured = useChangeStats(active, map, shift);
  return (
    <section className="shrink-move" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('shrink.move.heading')}</h3>
      <p className="hint">{t('shrink.move.intro')}</p>
      <div className="shrink-controls">
        <div className="layer-group shrink-slider">
          <label className="field-label" htmlFor={`${id}-shift`}>
            {t('shrink.shift')}
          </label>
          <input
            id={`${id}-shift`}
            type="range"
            min={0}
            max={MAX_SHIFT}
            step={1}
            value={pixels}
            aria-valuetext={t('shrink.shiftValue', { n: pixels })}
            onChange={(event) => setShrinkDemo({ shift: Number(event.currentTarget.value) })}
          />
          <output htmlFor={`${id}-shift`}>{t('shrink.shiftValue', { n: pixels })}</output>
        </div>
        <RadioGroup
          label={t('shrink.direction')}
          value={direction}
          options={SHIFT_DIRECTIONS.map((d) => ({
            value: d,
            label: t(DIRECTION[d].label),
            hint: t(DIRECTION[d].hint),
          }))}
          onChange={(d) => setShrinkDemo({ direction: d })}
        />
        <RadioGroup
          label={t('shrink.edge')}
          value={edge}
          options={SHIFT_EDGES.map((e) => ({ value: e, label: t(EDGE[e].label), hint: t(EDGE[e].hint) }))}
          onChange={(e) => setShrinkDemo({ edge: e })}
        />
      </div>
      <div className="shrink-moved">
        <figure className="stage">
          <TensorCanvas
            canvasKey={movedInputKey(shift)}
            label={t('shrink.movedInput')}
            height={height}
            width={width}
          />
          <figcaption>
            <span className="stage-title">{t('shrink.movedInput')}</span>{' '}
            <span className="shape">{shapeText(height, width)}</span>
          </figcaption>
        </figure>
        {outcomes.map((outcome) => {
          const { way } = outcome;
          const title = t('shrink.changeTitle', { way: t(SHORT_NAME[way]) });
          return outcome.kind === 'ok' ? (
            <figure key={way} className="stage" data-way={way}>
              <TensorCanvas
                canvasKey={shrunkKey(way, map, shift)}
                label={t(CHANGE_NAME[way], { m: map + 1 })}
                height={outcome.cost.height}
                width={outcome.cost.width}
              />
              <figcaption>
                <span className="stage-title">{title}</span>{' '}
                <span className="shape">{shapeText(outcome.cost.height, outcome.cost.width)}</span>
              </figcaption>
            </figure>
          ) : (
            <div key={way} className="stage" data-way={way}>
              <NoOutput outcome={outcome} height={height} width={width} />
            </div>
          );
        })}
      </div>
      <ChangeBars outcomes={outcomes} measured={measured} current={measureKey(map, shift)} />
      <p className="hint">{t('shrink.barsExplain')}</p>
      {pixels > 0 && pixels % 2 === 0 && (
        <p className="hint">{t('shrink.wholeCells', { n: pixels, cells: pixels / 2 })}</p>
      )}
    </section>
  );
}
