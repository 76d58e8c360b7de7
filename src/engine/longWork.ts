/**
 * A frame estimated to take long (budget.ts): how long, while it runs, and the person's Cancel. The
 * engine sets it; the header shows it with a Cancel button; the engine stops at the next strip.
 */
export interface LongWorkNow {
  /** Estimated seconds of the whole frame. */
  seconds: number;
}

type Listener = (now: LongWorkNow | null) => void;

export class LongWork {
  private now: LongWorkNow | null = null;
  private cancelRequested = false;
  private readonly listeners = new Set<Listener>();

  get current(): LongWorkNow | null {
    return this.now;
  }

  /** Whether Cancel was pressed since the long frame began. */
  get cancelled(): boolean {
    return this.cancelRequested;
  }

  begin(seconds: number): void {
    this.cancelRequested = false;
    this.set({ seconds });
  }

  /** A better estimate, from the pace of the strips computed so far. */
  update(seconds: number): void {
    if (this.now && this.now.seconds !== seconds) this.set({ seconds });
  }

  end(): void {
    this.cancelRequested = false;
    if (this.now) this.set(null);
  }

  cancel(): void {
    if (this.now) this.cancelRequested = true;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(now: LongWorkNow | null): void {
    this.now = now;
    for (const listener of this.listeners) listener(now);
  }
}
