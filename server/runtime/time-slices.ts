/**
 * Long work on the event loop (serialising a large snapshot, checking a large import) gives way to
 * waiting requests every few milliseconds, so readers are not held behind it.
 */
const SLICE_MS = 8;

export class TimeSlicer {
  private since = performance.now();

  /** Resolves at once while the slice lasts; otherwise after queued I/O and timers have run. */
  async pause(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
