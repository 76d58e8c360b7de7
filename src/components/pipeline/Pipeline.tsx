import {
  inputChannels,
  isDepthwise,
  mapsPerFilter,
  type LayerGeometry,
  type LayerSpec,
  type Stage,
} from '../../core/index.ts';
import { canvasKey, displayFor } from '../../engine/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { layerOf, type MapDisplay, useStore } from '../../store/index.ts';
import { ProbeMarker } from '../inspector/ProbeMarker.tsx';
import { ReceptiveField } from '../inspector/ReceptiveField.tsx';
import { FocusView } from '../focus/FocusView.tsx';
import { FilterCanvas } from '../kernel/FilterCanvas.tsx';
import { CHANNEL_NAMES } from '../kernel/KernelGrid.tsx';
import { useGeometry } from '../useGeometry.ts';
import { ComputeProgress } from './ComputeProgress.tsx';
import { magnitudeApplies } from './DisplayControls.tsx';
import { PreviewNote } from './PreviewNote.tsx';
import { Figure, shapeText } from './Figure.tsx';
import { MapLegend } from './MapLegend.tsx';
import './pipeline.css';
import { TensorCanvas } from './TensorCanvas.tsx';

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
function stagesOf(spec: LayerSpec): Stage[] {
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
      focus={{ kind: stage, map, name: label, canvasKey: key }}
      footer={<MapLegend canvasKey={key} name={label} display={display} />}
    >
      <div className="canvas-box">
        <TensorCanvas canvasKey={key} label={label} width={width} height={height} inspect={{ stage, map }} />
        <ProbeMarker stage={stage} map={map} height={height} width={width} />
      </div>
    </Figure>
  );
}

interface MapRowProps {
  spec: LayerSpec;
  geometry: LayerGeometry;
  map: number;
  display: MapDisplay;
}

function MapRow({ spec, geometry, map, display }: MapRowProps) {
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
          const { window, map: mapSize } = geometry.pool.empty;
          return (
            <Figure
              key={stage}
              title={t(STAGE_LABEL[stage], { m: map + 1 }) + (channel ? ` (${channel})` : '')}
              shape={shapeText(0, 0)}
              className="stage-empty"
            >
              <p className="stage-empty-note">
                {t('stage.poolEmpty', { wh: window[0], ww: window[1], mh: mapSize[0], mw: mapSize[1] })}
              </p>
            </Figure>
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

/** For rgb-per-channel: each filter's three maps (R, G, B) together as one colour image. */
function RgbComposites({ spec, geometry }: { spec: LayerSpec; geometry: LayerGeometry }) {
  const t = useT();
  const { height, width } = geometry.conv;
  return (
    <section className="extra-views" aria-label={t('stage.rgbTitle')}>
      <h3>{t('stage.rgbTitle')}</h3>
      <p className="hint">{t('stage.rgbHint')}</p>
      <div className="extra-figures">
        {spec.filters.map((_, f) => {
          const label = t('stage.rgbComposite', { f: f + 1 });
          return (
            <Figure key={f} title={label} shape={shapeText(height, width, 3)} exportKey={`rgb-${f}`}>
              <TensorCanvas canvasKey={`rgb-${f}`} label={label} width={width} height={height} />
            </Figure>
          );
        })}
      </div>
    </section>
  );
}

/** √(map 1² + map 2²) before the activation: the Sobel magnitude when the filters are Sobel x and y. */
function Magnitude({ geometry, display }: { geometry: LayerGeometry; display: MapDisplay }) {
  const t = useT();
  const { height, width } = geometry.conv;
  const label = t('stage.magnitude');
  return (
    <section className="extra-views" aria-label={label}>
      <div className="extra-figures">
        <Figure
          title={`${label}: ${t('stage.magnitudeCaption')}`}
          shape={shapeText(height, width)}
          exportKey="magnitude"
          exportName={label}
          focus={{ kind: 'magnitude', map: 0, name: label, canvasKey: 'magnitude' }}
          footer={
            <MapLegend
              canvasKey="magnitude"
              name={label}
              display={displayFor({ kind: 'magnitude' }, display)}
            />
          }
        >
          <TensorCanvas canvasKey="magnitude" label={label} width={width} height={height} />
        </Figure>
      </div>
    </section>
  );
}

/** Input, filters and every output map side by side, each captioned with its tensor shape. */
export function Pipeline() {
  const t = useT();
  const spec = useStore((s) => layerOf(s, 0));
  const image = useStore((s) => s.image);
  const display = useStore((s) => s.mapDisplay);
  const magnitude = useStore((s) => s.magnitude);
  const geometry = useGeometry();

  if (!image || !geometry) return <div className="pipeline empty" aria-busy="true" />;
  const channels = inputChannels(spec.channels);
  const stages = stagesOf(spec);
  const titles: Record<Stage, MessageKey> = {
    preActivation: 'stage.preTitle',
    features: spec.activation === 'none' ? 'stage.featureTitle' : 'stage.afterTitle',
    maxPool: 'stage.maxTitle',
    avgPool: 'stage.avgTitle',
  };
  const showMagnitude = magnitude && magnitudeApplies(spec);
  return (
    <div className="pipeline">
      <div className="input-column">
        <Figure
          title={t('stage.inputTitle')}
          shape={shapeText(image.height, image.width, channels)}
          className="input-stage"
          exportKey="input"
          exportName={t('stage.input')}
          focus={{ kind: 'input', map: 0, name: t('stage.input'), canvasKey: 'input' }}
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
        <ComputeProgress />
        <PreviewNote />
      </div>
      <div className="maps" style={{ ['--stages' as string]: stages.length }}>
        <div className="map-row header" aria-hidden="true">
          <span>{t('stage.filterTitle')}</span>
          {stages.map((stage) => (
            <span key={stage}>{t(titles[stage])}</span>
          ))}
        </div>
        {Array.from({ length: geometry.conv.maps }, (_, m) => (
          <MapRow key={m} spec={spec} geometry={geometry} map={m} display={display} />
        ))}
        {showMagnitude && <Magnitude geometry={geometry} display={display} />}
        {isDepthwise(spec) && <RgbComposites spec={spec} geometry={geometry} />}
      </div>
      <FocusView />
    </div>
  );
}
