/**
 * The state of the "Add sources" page (`#/add`) and its pure transitions, for its three ways in:
 *
 * - paste: a text (or a page's HTML) and the fields title, outlet, author, date and web address,
 *   prefilled from the server's preview. A prefilled guess is marked until the user changes the
 *   field; a field the user typed in is never overwritten by a later preview. Saving sends only what
 *   the user gave or confirmed by editing: untouched guesses are left for the server, which makes
 *   the same guesses and keeps them marked as guesses.
 * - files: a queue of files added one after the other, each with its result or error; a failure
 *   does not stop the others; files chosen while others are being added join the queue.
 * - web address: one page fetched at a time, with its result or error.
 *
 * Nothing the user typed is dropped by a failure: errors are set beside the kept input.
 */
import type { AddSource } from '../../core/model';
import type { AddOutcome, SourcePreview } from '../api/source-api';

/** The metadata fields of the paste form, in form order. */
export const META_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export type FieldValues = Record<MetaField, string>;

const NO_FIELDS: FieldValues = { title: '', outlet: '', author: '', published: '', url: '' };

/** The paste form. */
export interface PasteState {
  format: 'text' | 'html';
  content: string;
  fields: FieldValues;
  /** Fields holding a guess the user has not changed. */
  guessed: ReadonlySet<MetaField>;
  /** Fields the user typed in: a preview leaves them alone. */
  edited: ReadonlySet<MetaField>;
  /** Counts previews asked for, so a late answer to an older one is dropped. */
  previewSeq: number;
  preview: { phase: 'idle' } | { phase: 'loading' } | { phase: 'ready'; value: SourcePreview } | { phase: 'failed'; message: string };
  saving: boolean;
  error: string | null;
  saved: AddOutcome | null;
}

/** One file of the queue. */
export interface FileItem {
  name: string;
  size: number;
  status: 'waiting' | 'sending' | 'added' | 'failed';
  message?: string;
  outcome?: AddOutcome;
}

/** The files added in this visit, oldest first; `batch` is where the current run's files start. */
export interface FilesState {
  items: readonly FileItem[];
  batch: number;
}

/** The web address form. */
export interface FetchState {
  url: string;
  phase: 'idle' | 'fetching' | 'done' | 'failed';
  message: string | null;
  outcome: AddOutcome | null;
}

export interface AddState {
  paste: PasteState;
  files: FilesState;
  fetch: FetchState;
}

export type AddAction =
  | { type: 'paste-input'; content: string; format?: 'text' | 'html' }
  | { type: 'paste-format'; format: 'text' | 'html' }
  | { type: 'field'; field: MetaField; value: string }
  /** Intent: ask the server what it makes of the text. */
  | { type: 'preview' }
  | { type: 'previewed'; seq: number; preview: SourcePreview }
  | { type: 'preview-failed'; seq: number; message: string }
  /** Intent: add the pasted source. */
  | { type: 'save' }
  | { type: 'saved'; outcome: AddOutcome }
  | { type: 'save-failed'; message: string }
  /** Intent: queue these files (the page keeps the File objects in the same order). */
  | { type: 'files-chosen'; files: readonly { name: string; size: number }[] }
  | { type: 'file-sending'; index: number }
  | { type: 'file-added'; index: number; outcome: AddOutcome }
  | { type: 'file-failed'; index: number; message: string }
  | { type: 'fetch-url'; url: string }
  /** Intent: fetch the page at the address typed. */
  | { type: 'fetch' }
  | { type: 'fetched'; outcome: AddOutcome }
  | { type: 'fetch-failed'; message: string };

/** The page as it opens. */
export function initialAddState(): AddState {
  return {
    paste: { format: 'text', content: '', fields: NO_FIELDS, guessed: new Set(), edited: new Set(), previewSeq: 0, preview: { phase: 'idle' }, saving: false, error: null, saved: null },
    files: { items: [], batch: 0 },
    fetch: { url: '', phase: 'idle', message: null, outcome: null },
  };
}

/** The preview's fields, taken where the user has not typed; guesses marked. */
function withPreview(p: PasteState, preview: SourcePreview): PasteState {
  const fields = { ...p.fields };
  const guessed = new Set(p.guessed);
  for (const f of META_FIELDS) {
    if (p.edited.has(f)) continue;
    fields[f] = preview[f] ?? '';
    if (fields[f] && preview.guessed.includes(f)) guessed.add(f);
    else guessed.delete(f);
  }
  return { ...p, fields, guessed, preview: { phase: 'ready', value: preview } };
}

function applyPaste(p: PasteState, action: AddAction): PasteState {
  switch (action.type) {
    case 'paste-input':
      return { ...p, content: action.content, format: action.format ?? p.format, saved: null, error: null };
    case 'paste-format':
      return { ...p, format: action.format, saved: null };
    case 'field': {
      const edited = new Set(p.edited).add(action.field);
      const guessed = new Set(p.guessed);
      guessed.delete(action.field);
      return { ...p, fields: { ...p.fields, [action.field]: action.value }, edited, guessed, saved: null };
    }
    case 'preview':
      return p.content.trim() ? { ...p, previewSeq: p.previewSeq + 1, preview: { phase: 'loading' } } : p;
    case 'previewed':
      return action.seq === p.previewSeq ? withPreview(p, action.preview) : p;
    case 'preview-failed':
      return action.seq === p.previewSeq ? { ...p, preview: { phase: 'failed', message: action.message } } : p;
    case 'save':
      return p.content.trim() && !p.saving ? { ...p, saving: true, error: null } : p;
    case 'saved':
      // Stored: the form starts afresh, the result stays on screen with a link.
      return { ...initialAddState().paste, format: p.format, previewSeq: p.previewSeq, saved: action.outcome };
    case 'save-failed':
      return { ...p, saving: false, error: action.message };
    default:
      return p;
  }
}

function applyFiles(f: FilesState, action: AddAction): FilesState {
  const set = (index: number, change: Partial<FileItem>): FilesState =>
    f.items[index] ? { ...f, items: f.items.map((item, i) => (i === index ? { ...item, ...change } : item)) } : f;
  switch (action.type) {
    case 'files-chosen': {
      if (action.files.length === 0) return f;
      const added: FileItem[] = action.files.map((x) => ({ name: x.name, size: x.size, status: 'waiting' }));
      // A new run starts once the last one ended; files chosen during a run join it.
      return { items: [...f.items, ...added], batch: isRunning(f) ? f.batch : f.items.length };
    }
    case 'file-sending':
      return set(action.index, { status: 'sending' });
    case 'file-added':
      return set(action.index, { status: 'added', outcome: action.outcome, message: undefined });
    case 'file-failed':
      return set(action.index, { status: 'failed', message: action.message });
    default:
      return f;
  }
}

function applyFetch(s: FetchState, action: AddAction): FetchState {
  switch (action.type) {
    case 'fetch-url':
      return { ...s, url: action.url };
    case 'fetch':
      return s.url.trim() && s.phase !== 'fetching' ? { ...s, phase: 'fetching', message: null, outcome: null } : s;
    case 'fetched':
      return { url: '', phase: 'done', message: null, outcome: action.outcome };
    case 'fetch-failed':
      return { ...s, phase: 'failed', message: action.message };
    default:
      return s;
  }
}

/** The next state after `action`. Pure. */
export function applyAdd(state: AddState, action: AddAction): AddState {
  const paste = applyPaste(state.paste, action);
  const files = applyFiles(state.files, action);
  const fetch = applyFetch(state.fetch, action);
  return paste === state.paste && files === state.files && fetch === state.fetch ? state : { paste, files, fetch };
}

/** What saving (or previewing) the paste form sends: the content, and the fields the user gave, not untouched guesses. */
export function pasteBody(p: PasteState): AddSource {
  const body: AddSource = p.format === 'html' ? { html: p.content } : { text: p.content };
  for (const f of META_FIELDS) {
    const value = p.fields[f].trim();
    if (value && !p.guessed.has(f)) body[f] = value;
  }
  return body;
}

/** Whether pasted text is a page's HTML rather than an article's text (it starts like a document). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(text);
}

/** Whether files of the current run are still waiting or being sent. */
export function isRunning(f: FilesState): boolean {
  return f.items.slice(f.batch).some((x) => x.status === 'waiting' || x.status === 'sending');
}

/** The next file to send, or null. */
export function nextFile(f: FilesState): number | null {
  if (f.items.some((x) => x.status === 'sending')) return null;
  const i = f.items.findIndex((x, k) => k >= f.batch && x.status === 'waiting');
  return i < 0 ? null : i;
}

/** The current run's progress in words: "Adding 4 of 12: notes.md", then "Added 11 of 12 files; 1 failed." */
export function progressText(f: FilesState): string {
  const run = f.items.slice(f.batch);
  if (run.length === 0) return '';
  const sending = run.findIndex((x) => x.status === 'sending');
  if (sending >= 0) return `Adding ${sending + 1} of ${run.length}: ${run[sending].name}`;
  if (isRunning(f)) return `Waiting to add ${run.filter((x) => x.status === 'waiting').length} of ${run.length}`;
  const added = run.filter((x) => x.status === 'added').length;
  const failed = run.length - added;
  return `Added ${added} of ${run.length} file${run.length === 1 ? '' : 's'}${failed ? `; ${failed} failed` : ''}.`;
}
