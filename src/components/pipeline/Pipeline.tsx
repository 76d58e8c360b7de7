import { inputChannels, type LayerGeometry, type LayerSpec } from '../../core/index.ts';
import { canvasKey, type StageKey } from '../../engine/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { FilterCanvas } from '../kernel/FilterCanvas.tsx';
import { Figure, shapeText } from './Figure.tsx';
import { ReceptiveField } from '../inspector/ReceptiveField.tsx';
import { TensorCanvas } from './TensorCanvas.tsx';
import { useGeometry } from '../useGeometry.ts';

const CHANNEL_NAMES = ['R', 'G', 'B'];

/** Which filter and channel an output map comes from (maps run f0.R, f0.G, f0.B, f1.R... per channel). */
function mapOrigin(spec: LayerSpec, map: number): { filter: number; channel: string | null } {
  if (spec.channels !== 'rgb-per-channel') return { filter: map, channel: null };
  return { filter: Math.floor(map / 3), channel: CHANNEL_NAMES[map % 3] ?? null };
}

const STAGE_LABEL: Record<StageKey, MessageKey> = {
  features: 'stage.featureMap',
  maxPool: 'stage.maxPool',
  avgPool: 'stage.avgPool',
};

function MapRow({ spec, geometry, map }: { spec: LayerSpec; geometry: LayerGeometry; map: number }) {
  const t = useT();
  const { filter, channel } = mapOrigin(spec, map);
  const weights = spec.filters[filter]?.weights;
  const showFilter = channel === null || channel === 'R';
  const sizes: Record<StageKey, { height: number; width: number }> = {
    features: geometry.conv,
    maxPool: geometry.pool,
    avgPool: geometry.pool,
  };
  return (
    <div className="map-row">
      <div className="filter-cell">
        {showFilter && weights && (
          <Figure
            title={t('stage.filterTitle')}
            shape={shapeText(geometry.kernel[0], geometry.kernel[1], spec.channels === 'rgb' ? 3 : 1)}
          >
            <FilterCanvas weights={weights} label={t('stage.filter', { f: filter + 1 })} />
          </Figure>
        )}
      </div>
      {(['features', 'maxPool', 'avgPool'] as const).map((stage) => {
        const { height, width } = sizes[stage];
        const label = t(STAGE_LABEL[stage], { m: map + 1 });
        return (
          <Figure
            key={stage}
            title={channel ? `${label} (${channel})` : label}
            shape={shapeText(height, width)}
          >
            <TensorCanvas
              canvasKey={canvasKey(stage, map)}
              label={label}
              width={width}
              height={height}
              inspect={{ stage, map }}
            />
          </Figure>
        );
      })}
    </div>
  );
}

/** Input, filters and every output map side by side, each captioned with its tensor shape. */
export function Pipeline() {
  const t = useT();
  const spec = useStore((s) => s.spec);
  const image = useStore((s) => s.image);
  const geometry = useGeometry();

  if (!image || !geometry) return <div className="pipeline empty" aria-busy="true" />;
  const channels = inputChannels(spec.channels);
  return (
    <div className="pipeline">
      <div className="input-column">
        <Figure
          title={t('stage.inputTitle')}
          shape={shapeText(image.height, image.width, channels)}
          className="input-stage"
        >
          <div className="canvas-box">
            <TensorCanvas
              canvasKey="input"
              label={t('stage.input')}
              width={image.width}
              height={image.height}
            />
            <ReceptiveField />
          </div>
        </Figure>
        {spec.channels === 'gray' && <p className="hint">{t('stage.gray')}</p>}
      </div>
      <div className="maps">
        <div className="map-row header" aria-hidden="true">
          <span>{t('stage.filterTitle')}</span>
          <span>{t('stage.featureTitle')}</span>
          <span>{t('stage.maxTitle')}</span>
          <span>{t('stage.avgTitle')}</span>
        </div>
        {Array.from({ length: geometry.conv.maps }, (_, m) => (
          <MapRow key={m} spec={spec} geometry={geometry} map={m} />
        ))}
      </div>
    </div>
  );
}
