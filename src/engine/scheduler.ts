/**
 * When the engine computes: at most one frame runs at a time, and at most one begins per animation
 * frame. A frame is one computed-and-drawn update of the views; its job is async and may span many tasks.
 *
 * States (`SchedulerState`) and what moves between them:
 *
 *   idle ──request──▶ scheduled ──its turn──▶ running ──job ends──▶ idle
 *    ▲                 ▲ │ │ request: nothing more   │ request: `rerun` set (the job may stop early,
 *    │                 │ │                         │ see `superseded`)
 *    │                 └─┼──── job ends with `rerun` set (cleared) ┘
 *    └── its turn, but nothing to compute yet (`ready` false: no image, or one still being read)
 *
 * "Its turn": a microtask after the first request when no job began in the current animation frame
 * (so that store updates of the same task come together), else the next animation frame.
 * `beganThisAnimationFrame` is set when a job starts and cleared at the next animation frame.
 * The job handles its own errors: a rejection would be unhandled.
 */
export type SchedulerState = 'idle' | 'scheduled' | 'running';

/** Where the scheduler's turns come from: the page's, or a test's. */
export interface Turns {
  microtask: (run: () => void) => void;
  animationFrame: (run: () => void) => void;
}

const PAGE_TURNS: Turns = {
  microtask: (run) => queueMicrotask(run),
  animationFrame: (run) => void requestAnimationFrame(run),
};

export class Scheduler {
  private now: SchedulerState = 'idle';
  /** A request came while running: the job runs again once it ends. */
  private rerun = false;
  private beganThisAnimationFrame = false;

  /** `job` computes and draws one frame, never twice at once, and only while `ready()`. */
  constructor(
    private readonly job: () => Promise<void>,
    private readonly ready: () => boolean,
    private readonly turns: Turns = PAGE_TURNS,
  ) {}

  get state(): SchedulerState {
    return this.now;
  }

  /** Whether a job is running now (a method: the state changes across the caller's awaits). */
  isRunning(): boolean {
    return this.now === 'running';
  }

  /** Whether a request came while the job runs: what it is computing is stale, it may stop early. */
  get superseded(): boolean {
    return this.now === 'running' && this.rerun;
  }

  /** Asks for a frame (see the file's comment for when it runs). */
  request(): void {
    if (this.now === 'scheduled') return;
    if (this.now === 'running') {
      this.rerun = true;
      return;
    }
    this.now = 'scheduled';
    const turn = () => void this.runJob();
    if (this.beganThisAnimationFrame) this.turns.animationFrame(turn);
    else this.turns.microtask(turn);
  }

  private async runJob(): Promise<void> {
    if (!this.ready()) {
      this.now = 'idle';
      return;
    }
    this.now = 'running';
    if (!this.beganThisAnimationFrame) {
      this.beganThisAnimationFrame = true;
      this.turns.animationFrame(() => {
        this.beganThisAnimationFrame = false;
      });
    }
    try {
      await this.job();
    } finally {
      this.now = 'idle';
      if (this.rerun) {
        this.rerun = false;
        this.request();
      }
    }
  }
}
