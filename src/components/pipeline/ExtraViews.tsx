/** The first layer's extra views: the Sobel magnitude, and rgb-per-channel's maps as colour images. */
import type { LayerGeometry, LayerSpec } from '../../core/index.ts';
import { displayFor } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';
import type { MapDisplay } from '../../store/index.ts';
import { Figure, shapeText } from './Figure.tsx';
import { MapLegend } from './MapLegend.tsx';
import { TensorCanvas } from './TensorCanvas.tsx';

/** For rgb-per-channel: each filter's three maps (R, G, B) together as one colour image. */
export function RgbComposites({ spec, geometry }: { spec: LayerSpec; geometry: LayerGeometry }) {
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
export function Magnitude({ geometry, display }: { geometry: LayerGeometry; display: MapDisplay }) {
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
          focus={{ kind: 'magnitude', map: 0, name: label, canvasKey: 'magnitude', layer: 0 }}
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
