/**
 * One row of the first layer's results: a filter and its map at every stage (before the activation when
 * there is one, the feature map, max and average pooling), each captioned with its shape and named as
 * docs/accessibility.md says ("Feature map 1", "Max pooling 1"…).
 */
import { mapsPerFilter, type LayerGeometry, type LayerSpec, type Stage } from '../../core/index.ts';
import { canvasKey } from '../../engine/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import type { MapDisplay } from '../../store/index.ts';
import { FilterCanvas } from '../kernel/FilterCanvas.tsx';
import { CHANNEL_NAMES } from '../kernel/KernelGrid.tsx';
import { Figure, shapeText } from './Figure.tsx';
import { MapLegend } from './MapLegend.tsx';
import { MapCanvas } from './MapCanvas.tsx';

/** Which filter and channel an output map comes from (maps run f0.R, f0.G, f0.B, f1.R... per channel). */
function mapOrigin(spec: LayerSpec, map: number): { filter: number; channel: string | null } {
  const perFilter = mapsPerFilter(spec);
  if (perFilter === 1) return { filter: map, channel: null };
  return { filter: Math.floor(map / perFilter), channel: CHANNEL_NAMES[map % perFilter] ?? null };
}

const STAGE_LABEL: Record<Stage, MessageKey> = {
  preActivation: 'stage.preActivation',
  features: 'stage.featureMap',
  maxPool: 'stage.maxPool',
  avgPool: 'stage.avgPool',
};

/** The stages shown per map: the map before the activation too, when there is an activation. */
export function stagesOf(spec: LayerSpec): Stage[] {
  return spec.activation === 'none'
    ? ['features', 'maxPool', 'avgPool']
    : ['preActivation', 'features', 'maxPool', 'avgPool'];
}

interface MapFigureProps {
  stage: Stage;
  map: number;
  height: number;
  width: number;
  display: MapDisplay;
  suffix: string;
}

function MapFigure({ stage, map, height, width, display, suffix }: MapFigureProps) {
  const t = useT();
  const label = t(STAGE_LABEL[stage], { m: map + 1 });
  const key = canvasKey(stage, map);
  return (
    <Figure
      title={label + suffix}
      shape={shapeText(height, width)}
      exportKey={key}
      exportName={label}
      focus={{ kind: stage, map, name: label, canvasKey: key, layer: 0 }}
      footer={<MapLegend canvasKey={key} name={label} display={display} />}
    >
      <MapCanvas layer={0} stage={stage} map={map} height={height} width={width} label={label} />
    </Figure>
  );
}

interface MapRowProps {
  spec: LayerSpec;
  geometry: LayerGeometry;
  map: number;
  display: MapDisplay;
}

export function MapRow({ spec, geometry, map, display }: MapRowProps) {
  const t = useT();
  const { filter, channel } = mapOrigin(spec, map);
  const weights = spec.filters[filter]?.weights;
  const firstOfFilter = channel === null || channel === 'R';
  const conv = geometry.conv;
  return (
    <div className="map-row">
      <div className="filter-cell">
        {firstOfFilter && weights && (
          <Figure
            title={t('stage.filterTitle')}
            shape={shapeText(geometry.kernel[0], geometry.kernel[1], spec.channels === 'rgb' ? 3 : 1)}
          >
            <FilterCanvas weights={weights} label={t('stage.filter', { f: filter + 1 })} />
          </Figure>
        )}
      </div>
      {stagesOf(spec).map((stage) => {
        const pooled = stage === 'maxPool' || stage === 'avgPool';
        const size = pooled ? geometry.pool : conv;
        if (pooled && geometry.pool.empty) {
          return (
            <EmptyPooling
              key={stage}
              title={t(STAGE_LABEL[stage], { m: map + 1 }) + (channel ? ` (${channel})` : '')}
              geometry={geometry}
            />
          );
        }
        return (
          <MapFigure
            key={stage}
            stage={stage}
            map={map}
            height={size.height}
            width={size.width}
            display={display}
            suffix={channel ? ` (${channel})` : ''}
          />
        );
      })}
    </div>
  );
}

/** A pooling with no output (its window larger than the map): the reason, in its place. */
export function EmptyPooling({ title, geometry }: { title: string; geometry: LayerGeometry }) {
  const t = useT();
  const empty = geometry.pool.empty;
  if (!empty) return null;
  const { window, map: mapSize } = empty;
  return (
    <Figure title={title} shape={shapeText(0, 0)} className="stage-empty">
      <p className="stage-empty-note">
        {t('stage.poolEmpty', { wh: window[0], ww: window[1], mh: mapSize[0], mw: mapSize[1] })}
      </p>
    </Figure>
  );
}
