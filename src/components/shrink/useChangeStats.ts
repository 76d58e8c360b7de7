import { useEffect, useState } from 'react';
import { DOWNSAMPLINGS, type Downsampling } from '../../core/index.ts';
import { engine, engineStatus, onFrameDrawn } from '../../engine/index.ts';
import { shrunkKey, type Shift } from '../../engine/views.ts';
import { changeStats, type ChangeStats } from './changeStats.ts';

/** Frames that come fast (a drag, the webcam) are measured at most this often. */
const MEASURE_DELAY_MS = 200;

export interface MeasuredChange {
  /** What these numbers are for: `dy,dx,edge:map` (so a reader can tell stale ones from fresh). */
  key: string;
  /** Per way, in page order; null where that way has no output. */
  ways: Record<Downsampling, ChangeStats | null>;
}

/** The `key` of `MeasuredChange` for a map and a shift. */
export function measureKey(map: number, { dy, dx, edge }: Shift): string {
  return `${dy},${dx},${edge}:${map}`;
}

async function measure(map: number, shift: Shift): Promise<MeasuredChange['ways']> {
  const read = await Promise.all(
    DOWNSAMPLINGS.map((way) =>
      Promise.all([engine.readView(shrunkKey(way, map, shift)), engine.readView(shrunkKey(way, map))]),
    ),
  );
  const ways = {} as MeasuredChange['ways'];
  DOWNSAMPLINGS.forEach((way, i) => {
    const [change, unmoved] = read[i] ?? [null, null];
    ways[way] = change && unmoved ? changeStats(change.data, unmoved.data) : null;
  });
  return ways;
}

/**
 * The translation test's numbers for layer 1's map `map` moved by `shift`, while `active` (the fold is
 * open): read back from the engine (`readView`, never on the render path) once now and again after each
 * frame that recomputed layer 1 (a new image or filter), at most every MEASURE_DELAY_MS; an answer for
 * a map or shift no longer shown is dropped. Null until the first answer.
 */
export function useChangeStats(active: boolean, map: number, shift: Shift): MeasuredChange | null {
  const [measured, setMeasured] = useState<MeasuredChange | null>(null);
  const { dy, dx, edge } = shift;
  useEffect(() => {
    if (!active) return;
    const key = measureKey(map, { dy, dx, edge });
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let asked = 0;
    const run = () => {
      timer = null;
      const mine = ++asked;
      measure(map, { dy, dx, edge }).then(
        (ways) => {
          if (live && mine === asked) setMeasured({ key, ways });
        },
        () => {
          if (live && mine === asked) setMeasured(null);
        },
      );
    };
    const schedule = () => {
      timer ??= setTimeout(run, MEASURE_DELAY_MS);
    };
    schedule();
    // Only a frame that recomputed layer 1 changes these maps (not a colour scale or a deeper layer).
    const off = onFrameDrawn(() => {
      if (engineStatus.getState().computed.includes(0)) schedule();
    });
    return () => {
      live = false;
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [active, map, dy, dx, edge]);
  return measured;
}
