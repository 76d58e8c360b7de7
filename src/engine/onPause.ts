/**
 * What runs once edits pause, never on the drawing path: the legends' statistics of the map canvases
 * (read back in one small transfer) and then, on webgl, the shader warm-up for the next likely edits
 * (warmUp.ts). A newer frame cancels it.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Canvases } from './canvases.ts';
import { engineStatus } from './engineStatus.ts';
import type { Scheduler } from './scheduler.ts';
import { canvasStats } from './stats.ts';
import type { FrameTensors } from './views.ts';
import { warmUp } from './warmUp.ts';

/** How long edits must pause before the statistics are read back. */
const PAUSE_MS = 150;

/** The frame on screen and the padded input it was computed from. */
export type ShownFrame = () => { frame: FrameTensors | null; padded: tf.Tensor3D | undefined };

export class OnPause {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Frames whose next programs are compiled already (see warmUp.ts). */
  private readonly warmed = new Set<string>();

  constructor(
    private readonly shown: ShownFrame,
    private readonly scheduler: Scheduler,
    private readonly canvases: Canvases,
  ) {}

  /** A frame was drawn: its statistics are read once edits pause for `PAUSE_MS`. */
  frameDrawn(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, PAUSE_MS);
  }

  private async run(): Promise<void> {
    const { frame } = this.shown();
    if (!frame || this.scheduler.state !== 'idle') return;
    const stats = await canvasStats(frame, this.canvases.views());
    const now = this.shown();
    if (frame !== now.frame) return;
    engineStatus.setState({ stats });
    if (now.padded && !this.scheduler.isRunning()) warmUp(frame, now.padded, this.warmed);
  }
}
