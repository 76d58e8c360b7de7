import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type WheelEvent,
} from 'react';
import { stageSize } from '../../core/cellWindows.ts';
import { displayFor } from '../../engine/index.ts';
import { useT } from '../../i18n/index.ts';
import { useStore } from '../../store/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { ProbeMarker } from '../inspector/ProbeMarker.tsx';
import { TraceOutline } from '../inspector/TraceOutline.tsx';
import { ReceptiveField } from '../inspector/ReceptiveField.tsx';
import { MapLegend } from '../pipeline/MapLegend.tsx';
import { TensorCanvas } from '../pipeline/TensorCanvas.tsx';
import { useGeometries } from '../useGeometry.ts';
import './focus.css';
import { closeFocus, useFocusTarget, type FocusTarget } from './focusState.ts';
import { networkPlacement, type Placement } from './placement.ts';

/** One zoom step (buttons, + and −); the wheel zooms smoothly by the same factor per 100 px. */
const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 256;
/** The input sits on its own coordinates. */
const INPUT_PLACEMENT: Placement = { step: [1, 1], origin: [0, 0] };
/** Arrow keys pan this many CSS pixels (Shift: five times as far). */
const PAN_STEP_CSS_PX = 40;
/** A pointer that moved less than this between press and release clicked (the inspector pins). */
const DRAG_SLOP_CSS_PX = 4;

/** Zoom (CSS pixels per input pixel) and pan (where input (0, 0) sits in the pane), shared by both panes. */
interface View {
  zoom: number;
  x: number;
  y: number;
}

function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

/** The view that shows the whole input centred in a pane of `pane` CSS pixels. */
function fitView(pane: { width: number; height: number }, input: { width: number; height: number }): View {
  const zoom = clampZoom(Math.min(pane.width / input.width, pane.height / input.height));
  return { zoom, x: (pane.width - input.width * zoom) / 2, y: (pane.height - input.height * zoom) / 2 };
}

/** `view` zoomed by `factor` about the pane point (px, py), which stays put. */
function zoomAbout(view: View, factor: number, px: number, py: number): View {
  const zoom = clampZoom(view.zoom * factor);
  const k = zoom / view.zoom;
  return { zoom, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

interface BoxProps {
  view: View;
  placement: Placement;
  height: number;
  width: number;
  children: React.ReactNode;
}

/**
 * A canvas box placed over the input's coordinates at the shared zoom: 2 px wider and taller than the
 * picture, as the canvas has a 1 px border (the inspector's overlays count on it), so the picture itself
 * lands exactly on its input region.
 */
function PlacedBox({ view, placement, height, width, children }: BoxProps) {
  const { zoom } = view;
  return (
    <div
      className="canvas-box focus-box"
      style={{
        left: placement.origin[1] * zoom - 1,
        top: placement.origin[0] * zoom - 1,
        width: width * placement.step[1] * zoom + 2,
        height: height * placement.step[0] * zoom + 2,
      }}
    >
      {children}
    </div>
  );
}

/** The focus view's body once open: the input and the chosen map side by side at the same scale. */
function FocusBody({ target }: { target: FocusTarget }) {
  const t = useT();
  const network = useStore((s) => s.network);
  const geometries = useGeometries();
  const geometry = geometries?.[target.layer];
  const paneRef = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState({ width: 0, height: 0 });
  /** The view set by zooming or panning, for an input of `size`; null: fit the input. */
  const [view, setView] = useState<(View & { size: string }) | null>(null);
  const drag = useRef<{ x: number; y: number; moved: number; id: number } | null>(null);

  useLayoutEffect(() => {
    const element = paneRef.current;
    if (!element) return;
    const measure = () => setPane({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A layer removed while its map was open leaves nothing to show until the view is closed.
  if (!geometries || !geometry) return null;
  const input = geometries[0]?.input ?? geometry.input;
  // Until zoomed or panned (and after "Fit", or when the image changes size) the whole input fits.
  const size = `${input.height}x${input.width}`;
  const fitted = pane.width > 0 ? fitView(pane, input) : { zoom: 1, x: 0, y: 0 };
  const shown = view && view.size === size ? view : fitted;
  const change = (next: (v: View) => View) => setView({ ...next(shown), size });
  const fit = () => setView(null);
  const zoomBy = (factor: number) => change((v) => zoomAbout(v, factor, pane.width / 2, pane.height / 2));
  const panBy = (dx: number, dy: number) => change((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? PAN_STEP_CSS_PX * 5 : PAN_STEP_CSS_PX;
    const keys: Record<string, () => void> = {
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(1 / ZOOM_STEP),
      '0': fit,
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
    };
    // On a map canvas the arrow keys move the inspector's probe (useInspectable) instead.
    if (event.target !== event.currentTarget && event.key.startsWith('Arrow')) return;
    const action = keys[event.key];
    if (!action) return;
    action();
    event.preventDefault();
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const factor = ZOOM_STEP ** (-event.deltaY / 100);
    change((v) => zoomAbout(v, factor, event.clientX - box.left, event.clientY - box.top));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, moved: 0, id: event.pointerId };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    d.moved += Math.abs(dx) + Math.abs(dy);
    d.x = event.clientX;
    d.y = event.clientY;
    if (d.moved >= DRAG_SLOP_CSS_PX) {
      if (!event.currentTarget.hasPointerCapture(event.pointerId))
        event.currentTarget.setPointerCapture(event.pointerId);
      panBy(dx, dy);
    }
  };
  const onPointerUp = () => {
    // Left set until the click that follows, which a drag swallows (see onClickCapture).
    setTimeout(() => (drag.current = null));
  };
  const onClickCapture = (event: React.MouseEvent) => {
    if ((drag.current?.moved ?? 0) >= DRAG_SLOP_CSS_PX) event.stopPropagation();
  };

  const isMap = target.kind !== 'input';
  const mapSize =
    target.kind === 'input' || target.kind === 'magnitude' ? geometry.conv : stageSize(geometry, target.kind);
  const inspect = target.kind === 'input' || target.kind === 'magnitude' ? undefined : target.kind;
  const handlers = {
    onWheel,
    onPointerDown,
    onPointerMove,
    onPointerUp,
    onPointerCancel: onPointerUp,
    onClickCapture,
  };
  const transform = `translate(${shown.x}px, ${shown.y}px)`;
  const inputName = t('stage.input');
  const mapName = t('focus.canvas', { name: target.name });

  return (
    <>
      <div className="focus-toolbar">
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          {t('focus.zoomOut')}
        </button>
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)}>
          {t('focus.zoomIn')}
        </button>
        <button type="button" onClick={fit}>
          {t('focus.fit')}
        </button>
        <span className="focus-zoom" aria-live="polite">
          {t('focus.zoomLevel', { percent: Math.round(shown.zoom * 100) })}
        </span>
        <span className="hint">{t('focus.keys')}</span>
      </div>
      <div
        className={isMap ? 'focus-panes two' : 'focus-panes'}
        role="group"
        aria-label={t('focus.panes')}
        aria-keyshortcuts="+ - 0 ArrowUp ArrowDown ArrowLeft ArrowRight"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="focus-pane" ref={paneRef} {...handlers}>
          <div className="focus-content" data-zoom={shown.zoom} style={{ transform }}>
            <PlacedBox view={shown} placement={INPUT_PLACEMENT} {...input}>
              <TensorCanvas
                canvasKey="input@focus"
                label={t('focus.canvas', { name: inputName })}
                width={input.width}
                height={input.height}
                crisp
              />
              <ReceptiveField />
            </PlacedBox>
          </div>
        </div>
        {isMap && (
          <div className="focus-pane" {...handlers}>
            <div className="focus-content" data-zoom={shown.zoom} style={{ transform }}>
              <PlacedBox
                view={shown}
                placement={networkPlacement(target.kind, network, geometries, target.layer)}
                {...mapSize}
              >
                <TensorCanvas
                  canvasKey={`${target.canvasKey}@focus`}
                  label={mapName}
                  width={mapSize.width}
                  height={mapSize.height}
                  inspect={inspect && { layer: target.layer, stage: inspect, map: target.map }}
                  crisp
                />
                {inspect && (
                  <ProbeMarker layer={target.layer} stage={inspect} map={target.map} {...mapSize} />
                )}
                {inspect && (
                  <TraceOutline layer={target.layer} stage={inspect} map={target.map} {...mapSize} />
                )}
              </PlacedBox>
            </div>
          </div>
        )}
      </div>
      {isMap && (
        <div className="focus-legend">
          <MapLegendFor target={target} />
        </div>
      )}
      {inspect && <Inspector />}
    </>
  );
}

function MapLegendFor({ target }: { target: FocusTarget }) {
  const display = useStore((s) => s.mapDisplay);
  const view = target.kind === 'magnitude' ? ({ kind: 'magnitude' } as const) : null;
  return (
    <MapLegend
      canvasKey={target.canvasKey}
      name={target.name}
      display={view ? displayFor(view, display) : display}
    />
  );
}

/**
 * The focus view: a modal dialog with the input and one map side by side at the same scale (a map pixel
 * over the input region it came from), zoom and pan shared by both, crisp pixels, and the inspector.
 * Escape or Close closes it and the focus returns to the button that opened it.
 */
export function FocusView() {
  const t = useT();
  const target = useFocusTarget();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target && !dialog.open) dialog.showModal();
    if (!target && dialog.open) dialog.close();
  }, [target]);
  return (
    <dialog
      ref={ref}
      className="focus-view"
      aria-label={target ? t('focus.title', { name: target.name }) : undefined}
      onClose={() => {
        if (target) closeFocus();
      }}
    >
      {target && (
        <>
          <div className="focus-head">
            <h2>{t('focus.title', { name: target.name })}</h2>
            <button type="button" onClick={closeFocus}>
              {t('focus.close')}
            </button>
          </div>
          <FocusBody key={`${target.canvasKey}`} target={target} />
        </>
      )}
    </dialog>
  );
}
