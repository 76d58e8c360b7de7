import { useMemo } from 'react';
import type { CellRect } from '../../core/cellWindows.ts';
import { stopOf } from '../../core/index.ts';
import type { InputValues } from '../../engine/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { CHANNEL_NAMES } from '../kernel/KernelGrid.tsx';
import { CellGrid, type GridCellView } from './CellGrid.tsx';
import {
  channelScale,
  dilatedTaps,
  featureValues,
  inputValues,
  pooledValues,
  valueAt,
  type ViewValues,
} from './gridValues.ts';
import type { WindowModel } from './useWindowModel.ts';
import type { PoolKind } from './WindowSource.tsx';
import {
  followView,
  grayPaint,
  maxAbs,
  rgbPaint,
  shortNumber,
  signedPaint,
  type Span,
} from './windowView.ts';

interface Props {
  model: WindowModel;
  input: InputValues;
  poolKind: PoolKind;
  inputMap: number;
  t: Translate;
}

const ZERO_PAD = { fill: '#f4f1f0', ink: '#8a5a52' };

const one = (y: number, x: number): CellRect => ({ top: y, left: x, height: 1, width: 1 });

/** "rows 3–19, columns 1–17 of 512 × 512" for a grid shown in part; "" when whole. */
function viewCaption(t: Translate, rows: Span, cols: Span, h: number, w: number): string {
  if (rows.count >= h && cols.count >= w) return '';
  return t('window.caption.view', {
    top: rows.start + 1,
    bottom: rows.start + rows.count,
    left: cols.start + 1,
    right: cols.start + cols.count,
    h,
    w,
  });
}

/** The window on its input (left) and the map it writes (right), cell by cell, in view of the window. */
export function WindowPicture({ model, input, poolKind, inputMap, t }: Props) {
  const { spec, geometry, phase, map, layer, current, count } = model;
  const conv = phase === 'conv';
  const pads = conv ? geometry.pads : geometry.pool.pads;
  const source = conv ? geometry.input : geometry.conv;
  const grid: CellRect = {
    top: -pads.top,
    left: -pads.left,
    height: source.height + pads.top + pads.bottom,
    width: source.width + pads.left + pads.right,
  };
  const out = conv ? geometry.conv : geometry.pool;
  const frame = current?.window ?? null;
  const inView = followView(grid, frame ?? one(0, 0));
  const outView = followView(
    { top: 0, left: 0, height: out.height, width: out.width },
    one(current?.y ?? 0, current?.x ?? 0),
  );
  const channels = geometry.input.channels;
  // An rgb-per-channel map reads one channel: its numbers are shown, not the colour.
  const perChannel = layer === 0 && spec.channels === 'rgb-per-channel';
  const shownChannel = layer > 0 ? Math.min(inputMap, channels - 1) : perChannel ? map % 3 : 0;
  const rgb = conv && layer === 0 && channels === 3 && !perChannel;

  const { rows: ir, cols: ic } = inView;
  const inValues = useMemo((): ViewValues[] => {
    if (!conv) return [featureValues(input, spec, geometry, map, ir, ic)];
    if (rgb) return [0, 1, 2].map((ch) => inputValues(input, spec, ir, ic, ch));
    return [inputValues(input, spec, ir, ic, shownChannel)];
    // Spans are compared by value: a new object for the same cells must not recompute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conv, rgb, input, spec, geometry, map, shownChannel, ir.start, ir.count, ic.start, ic.count]);
  const deepScale = useMemo(
    () => (conv && layer > 0 ? channelScale(input, shownChannel) : 0),
    [conv, layer, input, shownChannel],
  );
  const featureScale = useMemo(() => (conv ? 0 : maxAbs(inValues[0]?.values ?? [])), [conv, inValues]);

  const { rows: or, cols: oc } = outView;
  const outValues = useMemo(
    () =>
      conv
        ? featureValues(input, spec, geometry, map, or, oc)
        : pooledValues(input, spec, geometry, poolKind, map, or, oc),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [conv, input, spec, geometry, map, poolKind, or.start, or.count, oc.start, oc.count],
  );
  const outScale = useMemo(() => maxAbs(outValues.values), [outValues]);

  const inCell = (y: number, x: number): GridCellView => {
    const padded = y < 0 || y >= source.height || x < 0 || x >= source.width;
    if (rgb) {
      const [r, g, b] = inValues.map((v) => valueAt(v, y, x)) as [number, number, number];
      if (padded && spec.padMode === 'zeros') return { paint: ZERO_PAD, text: '', padded };
      return { paint: rgbPaint(r, g, b), text: '', padded };
    }
    const v = valueAt(inValues[0] as ViewValues, y, x);
    if (!conv && Number.isNaN(v)) return { paint: null, text: '', padded: true };
    if (!conv) return { paint: signedPaint(v, featureScale), text: shortNumber(v), padded };
    // A zero pad is drawn pale, not as a black pixel: it is no part of the picture.
    if (padded && spec.padMode === 'zeros') return { paint: ZERO_PAD, text: '0', padded };
    const paint = layer > 0 ? signedPaint(v, deepScale) : grayPaint(v);
    return { paint, text: shortNumber(v), padded };
  };
  const index = current?.index ?? -1;
  const outCell = (y: number, x: number): GridCellView => {
    if (stopOf(geometry, phase, y, x) > index) return { paint: null, text: '' };
    const v = valueAt(outValues, y, x);
    return { paint: signedPaint(v, outScale), text: shortNumber(v) };
  };

  const m = map + 1;
  const taps = conv && frame ? dilatedTaps(spec, geometry, frame) : [];
  const inLabel = conv
    ? t(layer > 0 ? 'window.grid.inputMap' : 'window.grid.input', {
        c: shownChannel + 1,
        rows: ir.count,
        cols: ic.count,
        h: grid.height,
        w: grid.width,
      })
    : t('window.grid.features', { m, rows: ir.count, cols: ic.count, h: grid.height, w: grid.width });
  const outLabel = t(conv ? 'window.grid.output' : 'window.grid.pooled', {
    m,
    done: index + 1,
    total: count,
  });
  const inView1 = viewCaption(t, ir, ic, grid.height, grid.width);
  const outView1 = viewCaption(t, or, oc, out.height, out.width);
  return (
    <div className="sw-picture">
      <figure className="sw-figure sw-in">
        <CellGrid
          rows={ir}
          cols={ic}
          cell={inCell}
          frame={frame}
          taps={taps}
          inner={{ top: 0, left: 0, height: source.height, width: source.width }}
          label={inLabel}
        />
        <figcaption>
          {conv
            ? layer > 0
              ? t('window.inputMapOption', { c: shownChannel + 1 })
              : t('window.caption.input')
            : t('window.caption.poolInput', { m })}
          {rgb && ` — ${t('window.caption.rgb')}`}
          {conv &&
            perChannel &&
            ` — ${t('window.caption.channel', { channel: CHANNEL_NAMES[shownChannel] ?? '' })}`}
          {inView1 && <span className="sw-view">{inView1}</span>}
          {taps.length > 0 && (
            <span className="sw-view">
              {t('window.taps', { dy: spec.dilation[0], dx: spec.dilation[1] })}
            </span>
          )}
        </figcaption>
      </figure>
      <span className="sw-arrow" aria-hidden="true">
        →
      </span>
      <figure className="sw-figure sw-out">
        <CellGrid
          rows={or}
          cols={oc}
          cell={outCell}
          frame={current ? one(current.y, current.x) : null}
          label={outLabel}
          className="sw-output"
        />
        <figcaption>
          {t(conv ? 'window.caption.output' : 'window.caption.pooled', { m })}
          {outView1 && <span className="sw-view">{outView1}</span>}
        </figcaption>
      </figure>
    </div>
  );
}
