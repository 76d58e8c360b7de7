/**
 * How fast the engine computes on the backend in use, to judge the next frame before computing it (in
 * strips or in one piece, the first preview of a drag, the budget's time): the pace of the last full
 * frame computed (compute and draw, per map value), and milliseconds per multiply-add, first from the
 * start-up cost model (costModel.ts), then from each large frame.
 */
export class Pace {
  private msPerValue = 0;
  /** Map values the last full frame computed (0 before the first). */
  private values = 0;
  /** Milliseconds per multiply-add of the backend in use. */
  msPerMac = 0;

  /**
   * Records a full frame: `elapsedMs` to compute `values` map values (`macs` multiply-adds) and draw
   * them. Only a frame of at least `minMacs` sets the pace per multiply-add: small frames are mostly
   * fixed costs, which would overstate a large layer's time.
   */
  record(elapsedMs: number, values: number, macs: number, minMacs: number): void {
    if (values <= 0) return;
    this.msPerValue = elapsedMs / values;
    this.values = values;
    if (macs >= minMacs) this.msPerMac = elapsedMs / macs;
  }

  /** Milliseconds for `values` map values at the last frame's pace (0 before the first frame). */
  msFor(values: number): number {
    return this.msPerValue * values;
  }

  /** Whether the last frame measured at least a quarter as many values: its pace then tells. */
  knows(values: number): boolean {
    return this.values > 0 && this.values >= values / 4;
  }
}
