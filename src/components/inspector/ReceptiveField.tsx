import type { CSSProperties } from 'react';
import { clipRect, inputWindow, stageSize, type CellRect } from '../../core/cellWindows.ts';
import { layerOf, useStore } from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { MAX_TAPS_SHOWN } from './ConvDetails.tsx';
import './inspector.css';

/**
 * A rectangle of input cells as CSS, in percentages of the input so it scales with the canvas. The canvas
 * has a 1px border (styles.css `.tensor-canvas`): the image starts 1px inside the box.
 */
function place(rect: CellRect, height: number, width: number): CSSProperties {
  const at = (cells: number, size: number) => `calc(1px + (100% - 2px) * ${cells / size})`;
  const span = (cells: number, size: number) => `calc((100% - 2px) * ${cells / size})`;
  return {
    top: at(rect.top, height),
    left: at(rect.left, width),
    height: span(rect.height, height),
    width: span(rect.width, width),
  };
}

/**
 * Drawn over the input canvas (inside its positioned box): the receptive field of the inspected output
 * pixel. The part inside the image is outlined solid; when the field reaches into the padding, the whole
 * field is outlined dashed, outside the image box. For a pool pixel: the union of its window's fields.
 * For a dilated kernel, each tap is marked. Decorative: the inspector panel says the same in words.
 */
export function ReceptiveField() {
  const target = useStore((s) => s.inspect);
  const spec = useStore((s) => layerOf(s, 0));
  const geometry = useGeometry();
  if (!target || !geometry || target.map >= geometry.conv.maps) return null;
  const size = stageSize(geometry, target.stage);
  if (target.y >= size.height || target.x >= size.width) return null;

  const { height, width } = geometry.input;
  const field = inputWindow(geometry, spec, target.stage, target.y, target.x);
  const inside = clipRect(field, height, width);
  const padded = inside.height !== field.height || inside.width !== field.width;
  const isConv = target.stage === 'features' || target.stage === 'preActivation';
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
