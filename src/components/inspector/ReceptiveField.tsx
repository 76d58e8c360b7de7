import { layerOf, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { MAX_TAPS_SHOWN } from './ConvDetails.tsx';
import { outlineOn } from './outline.ts';
import { place } from './place.ts';
import { useTrace } from './useTrace.ts';
import './inspector.css';

/**
 * Drawn over the input canvas (inside its positioned box): the receptive field of the inspected pixel of
 * any layer, the last window of its trace (core `traceWindows`; docs/spec.md "Networks"). The part inside
 * the image is outlined solid; when the field reaches into the padding, the whole field is outlined
 * dashed, outside the image box. For a pool pixel: the union of its window's fields. For a dilated
 * kernel of layer 1, each tap is marked (deeper, a tap covers many image pixels: the field is enough).
 * Decorative: the inspector panel says the same in words.
 */
export function ReceptiveField() {
  const target = useStore((s) => s.inspect);
  const spec = useStore((s) => layerOf(s, 0));
  const geometry = useGeometry(0);
  const trace = useTrace();
  const { height, width } = geometry?.input ?? { height: 0, width: 0 };
  const outline = outlineOn(trace, target, 0, 'input', height, width);
  if (!target || !geometry || !outline) return null;

  const { window: field, inside, padded } = outline;
  const isConv = target.layer === 0 && (target.stage === 'features' || target.stage === 'preActivation');
  const [kh, kw] = geometry.kernel;
  const [dy, dx] = spec.dilation;
  const showTaps = isConv && (dy > 1 || dx > 1) && kh * kw <= MAX_TAPS_SHOWN;

  return (
    <div
      className="receptive-field"
      aria-hidden="true"
      data-top={field.top}
      data-left={field.left}
      data-height={field.height}
      data-width={field.width}
    >
      {padded && <div className="rf-box rf-padded" style={place(field, height, width)} />}
      {inside.height > 0 && inside.width > 0 && (
        <div className="rf-box rf-inside" style={place(inside, height, width)} />
      )}
      {showTaps &&
        Array.from({ length: kh * kw }, (_, i) => {
          const r = Math.floor(i / kw);
          const c = i % kw;
          const cell = { top: field.top + r * dy, left: field.left + c * dx, height: 1, width: 1 };
          return <div key={i} className="rf-tap" style={place(cell, height, width)} />;
        })}
    </div>
  );
}
