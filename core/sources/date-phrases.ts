/**
 * Finding an article's date in its text: datelines ("WASHINGTON, Nov. 3 (Reuters) -") and date
 * phrases ("November 01, 2011", "1 Nov 2011", "2011-11-01") near the top, where news pages print
 * the publication date. Ambiguous numeric forms (11/01/2011: November or January?) are not read.
 * Every date found is checked to exist (no 31 April) and returned as an ISO date, YYYY-MM-DD.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = ['jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sep(?:t(?:ember)?)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?'];
/** A month name, full or abbreviated, with an optional abbreviation dot (any case: used with flag i). */
const MONTH = `(${MONTH_NAMES.join('|')})\\.?`;
/** The same, capitalised or in capitals only, for patterns that also need capitals elsewhere. */
const MONTH_CASED = `(${MONTH_NAMES.flatMap((m) => [m.charAt(0).toUpperCase() + m.slice(1), m.toUpperCase()]).join('|')})\\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;

/** "November 01, 2011", "Nov. 1 2011", "Tuesday, November 1, 2011". */
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'i');
/** "1 Nov 2011", "1st November, 2011". */
const DAY_MONTH_YEAR = new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+${YEAR}\b`, 'i');
/** "2011-11-01", also at the start of an ISO timestamp. */
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])/;
/**
 * A dateline opening a paragraph: a place in capitals, a comma, month and day, maybe a year, maybe an
 * agency in brackets, then a dash. Without a year it only tells the day, and a year must come from
 * elsewhere (see {@link findDate}).
 */
const DATELINE = new RegExp(
  String.raw`^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,\s+${MONTH_CASED}\s+${DAY}(?:,?\s+${YEAR})?\s*(?:\([^)]{1,40}\))?\s*[-–—]`,
  'm',
);

/** Where the date is looked for: this many characters from the start, and no more than this many lines. */
export const TOP_CHARS = 2500;
export const TOP_LINES = 30;

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)];
}

/** The ISO date for year/month/day, or undefined when no such day exists. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A full date (with its year) in one phrase, and where it starts; undefined when the phrase has none. */
function fullDateIn(text: string): { date: string; at: number } | undefined {
  const found: { date: string; at: number }[] = [];
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const date = isoDate(Number(mdy[3]), monthNumber(mdy[1]), Number(mdy[2]));
    if (date) found.push({ date, at: mdy.index });
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const date = isoDate(Number(dmy[3]), monthNumber(dmy[2]), Number(dmy[1]));
    if (date) found.push({ date, at: dmy.index });
  }
  const iso = ISO.exec(text);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) found.push({ date, at: iso.index });
  }
  found.sort((x, y) => x.at - y.at);
  return found[0];
}

/** The top of a text: the first {@link TOP_LINES} lines, at most {@link TOP_CHARS} characters. */
export function topOf(text: string): string {
  const lines = text.slice(0, TOP_CHARS).split('\n');
  return lines.slice(0, TOP_LINES).join('\n');
}

/**
 * Reads an ISO date from a date string as pages write them in metadata: an ISO date or timestamp
 * (the date as written, in the page's own time zone), or a phrase such as "November 1, 2011".
 */
export function parseDate(value: string): string | undefined {
  return fullDateIn(value.trim())?.date;
}

/** A year printed in a URL path (`/2011/11/03/...`, `/2011-11-03-...`), the usual news-site layout. */
export function yearFromUrl(url: string | undefined): number | undefined {
  if (!url) return undefined;
  const m = /\/((?:19|20)\d{2})(?:[/-](?:0?[1-9]|1[0-2])\b)/.exec(url);
  return m ? Number(m[1]) : undefined;
}

/**
 * The article's date found near the top of `text`: the first dateline or date phrase there. A
 * dateline without a year ("WASHINGTON, Nov. 3 (Reuters) -") is completed with `yearHint` (from the
 * URL, say) or with the year of another date near the top, else not used: guessing the year would
 * date old articles wrongly.
 */
export function findDate(text: string, yearHint?: number): string | undefined {
  const top = topOf(text);
  const full = fullDateIn(top);
  const dateline = DATELINE.exec(top);
  if (dateline && (!full || dateline.index <= full.at)) {
    const year = dateline[3] ? Number(dateline[3]) : (yearHint ?? (full ? Number(full.date.slice(0, 4)) : undefined));
    const date = year === undefined ? undefined : isoDate(year, monthNumber(dateline[1]), Number(dateline[2]));
    if (date) return date;
  }
  return full?.date;
}
