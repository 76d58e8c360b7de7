import type { Stage } from '../../core/index.ts';
import { canvasKey } from '../../engine/index.ts';
import { ProbeMarker } from '../inspector/ProbeMarker.tsx';
import { TraceOutline } from '../inspector/TraceOutline.tsx';
import { TensorCanvas } from './TensorCanvas.tsx';

interface Props {
  /** 0-based layer. */
  layer: number;
  stage: Stage;
  map: number;
  height: number;
  width: number;
  /** The canvas's accessible name, e.g. "Feature map 1" or "Layer 2 feature map 3". */
  label: string;
}

/**
 * One map of any layer as the results show it: its canvas (inspectable), the inspected pixel outlined on
 * it and the traced window of a pixel it feeds, in a positioned box.
 */
export function MapCanvas({ layer, stage, map, height, width, label }: Props) {
  return (
    <div className="canvas-box">
      <TensorCanvas
        canvasKey={canvasKey(stage, map, layer)}
        label={label}
        width={width}
        height={height}
        inspect={{ layer, stage, map }}
      />
      <ProbeMarker layer={layer} stage={stage} map={map} height={height} width={width} />
      <TraceOutline layer={layer} stage={stage} map={map} height={height} width={width} />
    </div>
  );
}
