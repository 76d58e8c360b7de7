/**
 * The first layer's results: the input image, then one row per output map (its filter, and its map at
 * every stage), each captioned with its tensor shape; the Sobel magnitude and rgb-per-channel's colour
 * images when they apply. The same whether the network has one layer or more.
 */
import { inputChannels, isDepthwise, type Stage } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { layerOf, useStore } from '../../store/index.ts';
import { ReceptiveField } from '../inspector/ReceptiveField.tsx';
import { useGeometry } from '../useGeometry.ts';
import { ComputeProgress } from './ComputeProgress.tsx';
import { magnitudeApplies } from './DisplayControls.tsx';
import { Magnitude, RgbComposites } from './ExtraViews.tsx';
import { Figure, shapeText } from './Figure.tsx';
import { MapRow, stagesOf } from './MapRow.tsx';
import { PreviewNote } from './PreviewNote.tsx';
import { TensorCanvas } from './TensorCanvas.tsx';

export function FirstLayer() {
  const t = useT();
  const spec = useStore((s) => layerOf(s, 0));
  const image = useStore((s) => s.image);
  const display = useStore((s) => s.mapDisplay);
  const magnitude = useStore((s) => s.magnitude);
  const geometry = useGeometry(0);

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
          focus={{ kind: 'input', map: 0, name: t('stage.input'), canvasKey: 'input', layer: 0 }}
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
    </div>
  );
}
