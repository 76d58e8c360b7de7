/**
 * A frame estimated to take long (budget.ts): how long, while it runs, and the person's Cancel. The
 * engine sets it; the header shows its time (engineStatus.longWorkSeconds) with a Cancel button; the
 * engine stops at the next strip.
 */
import { engineStatus } from './engineStatus.ts';

export class LongWork {
  private cancelRequested = false;

  /** Whether Cancel was pressed since the long frame began. */
  get cancelled(): boolean {
    return this.cancelRequested;
  }

  begin(seconds: number): void {
    this.cancelRequested = false;
    engineStatus.setState({ longWorkSeconds: seconds });
  }

  /** A better estimate, from the pace of the strips computed so far. */
  update(seconds: number): void {
    const now = engineStatus.getState().longWorkSeconds;
    if (now !== null && now !== seconds) engineStatus.setState({ longWorkSeconds: seconds });
  }

  end(): void {
    this.cancelRequested = false;
    if (engineStatus.getState().longWorkSeconds !== null) engineStatus.setState({ longWorkSeconds: null });
  }

  cancel(): void {
    if (engineStatus.getState().longWorkSeconds !== null) this.cancelRequested = true;
  }
}
