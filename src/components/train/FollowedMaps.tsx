/**
 * One image followed through the network while it trains: the 28 x 28 image large, its class (and what
 * the model says, once known), and every layer's activated maps as small multiples, each map scaled on
 * its own (black = its lowest value, white = its highest). A row of held-out thumbnails picks another
 * image to follow.
 */
import { memo, useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import type { MapStack, Sample } from '../../training/types.ts';
import { formatNumber } from './chartScale.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { className, extent, grayRgba, mapOf, sampleRgba } from './trainImages.ts';
import { IMAGE_SIZE } from '../../train/fashionMnist.ts';
import './trainResults.css';

interface Props {
  followed: { sample: Sample; layers: MapStack[] } | null;
  onPick?: (index: number) => void;
  choices?: Sample[];
}

/** The followed image's enlargement, and the thumbnails'. */
const IMAGE_SCALE = 6;
const THUMB_SCALE = 2;
/** Map tiles are enlarged by a whole factor to at most this many pixels a side (at least 1x). */
const MAP_TILE = 64;

const LayerMaps = memo(function LayerMaps({ stack, layer }: { stack: MapStack; layer: number }) {
  const t = useT();
  const scale = Math.max(1, Math.floor(MAP_TILE / Math.max(stack.height, stack.width)));
  const tiles = useMemo(
    () =>
      Array.from({ length: stack.count }, (_, k) => {
        const values = mapOf(stack, k);
        const [lo, hi] = extent(values);
        return { k, lo, hi, rgba: grayRgba(values, stack.width, stack.height, lo, hi, scale) };
      }),
    [stack, scale],
  );
  return (
    <div className="followed-layer">
      <h4>{t('follow.layer', { n: layer, count: stack.count, height: stack.height, width: stack.width })}</h4>
      <ul className="followed-tiles">
        {tiles.map(({ k, lo, hi, rgba }) => (
          <li key={k} title={t('follow.map', { layer, map: k + 1 })}>
            <PixelCanvas
              rgba={rgba}
              width={stack.width * scale}
              height={stack.height * scale}
              label={t('follow.mapValues', {
                layer,
                map: k + 1,
                min: formatNumber(lo),
                max: formatNumber(hi),
              })}
            />
            <span className="followed-tile-name" aria-hidden="true">
              {k + 1}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
});

const Thumb = memo(function Thumb({
  sample,
  current,
  onPick,
}: {
  sample: Sample;
  current: boolean;
  onPick: (index: number) => void;
}) {
  const t = useT();
  const rgba = useMemo(() => sampleRgba(sample, THUMB_SCALE), [sample]);
  const name = className(t, sample.label);
  return (
    <li>
      <button
        type="button"
        className="followed-thumb"
        aria-pressed={current}
        aria-label={t('follow.pick', { index: sample.index, name })}
        title={t('follow.pick', { index: sample.index, name })}
        onClick={() => onPick(sample.index)}
      >
        <PixelCanvas rgba={rgba} width={IMAGE_SIZE * THUMB_SCALE} height={IMAGE_SIZE * THUMB_SCALE} />
      </button>
    </li>
  );
});

export const FollowedMaps = memo(function FollowedMaps({ followed, onPick, choices }: Props) {
  const t = useT();
  const sample = followed?.sample;
  const rgba = useMemo(() => (sample ? sampleRgba(sample, IMAGE_SCALE) : null), [sample]);
  const name = sample ? className(t, sample.label) : '';

  return (
    <section className="followed-maps">
      <h3>{t('follow.heading')}</h3>
      {!followed && <p className="train-views-note">{t('follow.waiting')}</p>}
      {followed && sample && rgba && (
        <div className="followed-body">
          <figure className="followed-image">
            <PixelCanvas
              rgba={rgba}
              width={IMAGE_SIZE * IMAGE_SCALE}
              height={IMAGE_SIZE * IMAGE_SCALE}
              label={t('follow.imageAlt', { index: sample.index, name })}
            />
            <figcaption>
              <strong>{t('follow.image', { index: sample.index, name })}</strong>
              {sample.predicted !== undefined && (
                <span className={sample.predicted === sample.label ? 'followed-right' : 'followed-wrong'}>
                  {t('follow.predicted', { name: className(t, sample.predicted) })}
                </span>
              )}
            </figcaption>
          </figure>
          <div className="followed-layers">
            <p className="train-views-note">{t('follow.normalised')}</p>
            {followed.layers.map((stack, i) => (
              <LayerMaps key={i} stack={stack} layer={i + 1} />
            ))}
          </div>
        </div>
      )}
      {onPick && choices && choices.length > 0 && (
        <div className="followed-pick">
          <h4>{t('follow.pickHeading')}</h4>
          <ul>
            {choices.map((choice) => (
              <Thumb
                key={choice.index}
                sample={choice}
                current={choice.index === sample?.index}
                onPick={onPick}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
