import type { Downsampling } from '../../core/index.ts';
import { shrunkKey } from '../../engine/views.ts';
import { useLanguage, useT, type MessageKey } from '../../i18n/index.ts';
import { shapeText } from '../pipeline/Figure.tsx';
import { TensorCanvas } from '../pipeline/TensorCanvas.tsx';
import type { WayOutcome } from './shrinkWays.ts';

export const WAY_TITLE: Record<Downsampling, MessageKey> = {
  stride: 'shrink.way.stride',
  maxPool: 'shrink.way.maxPool',
  avgPool: 'shrink.way.avgPool',
};

const CANVAS_NAME: Record<Downsampling, MessageKey> = {
  stride: 'shrink.canvas.stride',
  maxPool: 'shrink.canvas.maxPool',
  avgPool: 'shrink.canvas.avgPool',
};

const KEEPS: Record<Downsampling, MessageKey> = {
  stride: 'shrink.keeps.stride',
  maxPool: 'shrink.keeps.maxPool',
  avgPool: 'shrink.keeps.avgPool',
};

interface Props {
  outcomes: readonly WayOutcome[];
  map: number;
  /** The image's size (the layer's input). */
  height: number;
  width: number;
}

/** Why a way shows no map, in its place. */
export function NoOutput({ outcome, height, width }: { outcome: WayOutcome; height: number; width: number }) {
  const t = useT();
  if (outcome.kind === 'ok') return null;
  return (
    <p className="stage-empty-note">
      {outcome.kind === 'noConv'
        ? t('shrink.noConv', { h: height, w: width })
        : t('shrink.noPool', { mh: outcome.map[0], mw: outcome.map[1] })}
    </p>
  );
}

/** The three shrunk maps side by side, each with its shape, its work and what it keeps. */
export function ShrinkCompare({ outcomes, map, height, width }: Props) {
  const t = useT();
  const locale = useLanguage() === 'ko' ? 'ko-KR' : 'en-US';
  const count = (n: number) => n.toLocaleString(locale);
  return (
    <div className="shrink-ways">
      {outcomes.map((outcome) => {
        const { way } = outcome;
        const name = t(CANVAS_NAME[way], { m: map + 1 });
        return (
          <section key={way} className="shrink-way" data-way={way}>
            <h3>{t(WAY_TITLE[way])}</h3>
            {outcome.kind === 'ok' ? (
              <figure className="stage">
                <TensorCanvas
                  canvasKey={shrunkKey(way, map)}
                  label={name}
                  height={outcome.cost.height}
                  width={outcome.cost.width}
                />
                <figcaption>
                  <span className="shape">{shapeText(outcome.cost.height, outcome.cost.width)}</span>{' '}
                  {t('shrink.shapeFrom', { h: height, w: width })}
                </figcaption>
              </figure>
            ) : (
              <NoOutput outcome={outcome} height={height} width={width} />
            )}
            {outcome.kind === 'ok' && (
              <ul className="shrink-work">
                <li>{t('shrink.work', { macs: count(outcome.cost.multiplyAdds) })}</li>
                <li>
                  {outcome.cost.poolReads > 0
                    ? t('shrink.poolReads', { reads: count(outcome.cost.poolReads) })
                    : t('shrink.noPoolReads')}
                </li>
              </ul>
            )}
            <p className="shrink-keeps">{t(KEEPS[way])}</p>
          </section>
        );
      })}
    </div>
  );
}
