/**
 * What the viewer benchmark runs inside the page, and the statistics it computes outside. The probe
 * is installed before the page's own scripts (Playwright's init script): it records long tasks from
 * the navigation on, the moment the text and the first card show, and, when asked, the moment a
 * saved annotation's highlight and card are both drawn and painted.
 */

/** Frame times of one scroll, in milliseconds. */
export interface FrameStats {
  p50: number;
  p95: number;
  max: number;
}

/** The median of `xs` (NaN for none). */
export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The value below which `q` (0..1) of `xs` lie, nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** p50, p95 and max of frame times. */
export function frameStats(deltas: readonly number[]): FrameStats {
  return { p50: quantile(deltas, 0.5), p95: quantile(deltas, 0.95), max: Math.max(...deltas) };
}

/**
 * The in-page probe, passed to `page.addInitScript` (so it must not close over anything: Playwright
 * sends its source). Times are `performance.now()`, milliseconds since the navigation started.
 */
export function openProbe(): void {
  const probe = {
    readyAt: 0,
    lastLongTaskEnd: 0,
    longTaskTotal: 0,
    saveKeyAt: 0,
    savedAt: null as number | null,
    /** When the new card and highlight were in the page (before the frame that shows them). */
    drawnAt: 0,
    /** When the server's version replaced the provisional card. */
    confirmedAt: null as number | null,
    /** How long the main thread has been free of long tasks since the page showed. */
    quietFor(): number {
      return probe.readyAt ? performance.now() - Math.max(probe.readyAt, probe.lastLongTaskEnd) : 0;
    },
    /** Time the next Ctrl+Enter until a card with note `note` and its highlight are painted. */
    watchSave(note: string): void {
      probe.savedAt = null;
      probe.drawnAt = 0;
      probe.confirmedAt = null;
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Enter' && e.ctrlKey) probe.saveKeyAt = performance.now();
      };
      document.addEventListener('keydown', onKey, true);
      const observer = new MutationObserver(() => {
        const card = [...document.querySelectorAll<HTMLElement>('.card')].find((c) => c.querySelector('.card-note')?.textContent === note);
        const id = card?.dataset.annotationId;
        if (!id || !document.querySelector(`.ProseMirror [data-annotation-id="${CSS.escape(id)}"]`)) return;
        if (probe.savedAt === null && !probe.drawnAt) {
          probe.drawnAt = performance.now();
          // The frame after the change: what the user sees.
          requestAnimationFrame(() => setTimeout(() => (probe.savedAt = performance.now()), 0));
        }
        if (card.classList.contains('card-provisional')) return;
        probe.confirmedAt = performance.now();
        observer.disconnect();
        document.removeEventListener('keydown', onKey, true);
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-annotation-id'] });
    },
  };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      probe.lastLongTaskEnd = Math.max(probe.lastLongTaskEnd, e.startTime + e.duration);
      probe.longTaskTotal += e.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Whether the text and the first card show, noting the first moment that was seen. Polled by the
 * benchmark (`waitForFunction`, every 10 ms): timers and frames the init script itself requests
 * never run in the app's page.
 */
export function textAndCardsShow(): boolean {
  const probe = (window as unknown as { __probe: { readyAt: number } }).__probe;
  if (!probe.readyAt && document.querySelector('.ProseMirror p.line') && document.querySelector('.card-list .card')) probe.readyAt = performance.now();
  return probe.readyAt > 0;
}
