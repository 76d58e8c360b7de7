import type { CSSProperties } from 'react';
import { stageSize } from '../../core/cellWindows.ts';
import type { Stage } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { layerOf, useStore } from '../../store/index.ts';
import { shapeText } from '../pipeline/Figure.tsx';
import { useGeometry } from '../useGeometry.ts';
import { MapTile } from './MapTile.tsx';

/** The stages a deeper layer shows, each as small multiples (the first layer shows before-activation too). */
const DEEP_STAGES: readonly Stage[] = ['features', 'maxPool', 'avgPool'];

const LABEL: Record<Stage, MessageKey> = {
  preActivation: 'network.preActivation',
  features: 'network.featureMap',
  maxPool: 'network.maxPool',
  avgPool: 'network.avgPool',
};

/** A few maps get larger tiles (two to a row); more keep a size at which 16 stay readable (three). */
function tileSize(maps: number): string {
  return maps <= 4 ? '8.5rem' : '5.8rem';
}

/**
 * A deeper layer's (`layer` ≥ 1, 0-based) maps as small multiples, one group per stage: feature maps, max
 * pooling, average pooling, each map captioned `H × W`, drawn with crisp pixels in a grid that wraps.
 */
export function DeepLayerMaps({ layer }: { layer: number }) {
  const t = useT();
  const spec = useStore((s) => layerOf(s, layer));
  const last = useStore((s) => s.network.layers.length - 1 === layer);
  const geometry = useGeometry(layer);
  if (!geometry) return null;
  const maps = geometry.conv.maps;
  const titles: Record<Stage, MessageKey> = {
    preActivation: 'stage.preTitle',
    features: spec.activation === 'none' ? 'stage.featureTitle' : 'stage.afterTitle',
    maxPool: 'stage.maxTitle',
    avgPool: 'stage.avgTitle',
  };
  const fed: Stage = spec.output === 'conv' ? 'features' : spec.output === 'avgpool' ? 'avgPool' : 'maxPool';
  return (
    <div className="deep-stages" style={{ '--tile': tileSize(maps) } as CSSProperties}>
      {DEEP_STAGES.map((stage) => {
        const size = stageSize(geometry, stage);
        const empty = stage !== 'features' && geometry.pool.empty;
        return (
          <div key={stage} className={!last && stage === fed ? 'deep-stage feeds' : 'deep-stage'}>
            <h3>
              {t(titles[stage])}
              <span className="stage-maps">
                <span className="shape">
                  {t(maps === 1 ? 'network.stageMap' : 'network.stageMaps', {
                    maps,
                    shape: shapeText(size.height, size.width),
                  })}
                </span>
                {!last && stage === fed && (
                  <span className="feeds-next">{t('network.feedsNext', { n: layer + 2 })}</span>
                )}
              </span>
            </h3>
            {empty ? (
              <p className="stage-empty-note">
                {t('stage.poolEmpty', {
                  wh: empty.window[0],
                  ww: empty.window[1],
                  mh: empty.map[0],
                  mw: empty.map[1],
                })}
              </p>
            ) : (
              <div className="map-tiles">
                {Array.from({ length: maps }, (_, m) => (
                  <MapTile
                    key={m}
                    layer={layer}
                    stage={stage}
                    map={m}
                    height={size.height}
                    width={size.width}
                    label={t(LABEL[stage], { n: layer + 1, m: m + 1 })}
                  />
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
