/**
 * Times as people say them on a card or in a history: "just now", "3 min ago", "5 h ago",
 * "yesterday", "4 days ago", then the date; and the full date and time for a tooltip. Pure code:
 * the current time is passed in, so the wording is tested without a clock.
 */

// Made once: building a formatter costs far more than using one, and cards are drawn while scrolling.
const FULL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12 May 2026, 14:03" in the reader's time zone. */
export function fullTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return FULL.format(t);
}

/** How long ago `iso` was at `now` (ms), in words; a time ahead of `now` (clock skew) is "just now". */
export function relativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const ago = now - at;
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`;
  if (ago < DAY) return `${Math.round(ago / HOUR)} h ago`;
  if (ago < 2 * DAY) return 'yesterday';
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} days ago`;
  return DATE.format(new Date(at));
}
