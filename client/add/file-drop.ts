/**
 * The files part of "Add sources": a drop zone for one or many `.txt`, `.md` and `.html` files, with a
 * file input inside it (the keyboard's way in, and the screen reader's), the progress of the run
 * ("Adding 4 of 12: notes.md", a progress bar), one line per file with its result or its error, and
 * a summary with links to the new sources once the run is over. The page sends the files; this
 * draws their state and hands over what was chosen or dropped.
 */
import { h } from '../ui/dom';
import { filesSummary, outcomeView } from './add-results';
import { isRunning, progressText, type FileItem, type FilesState } from './add-state';

/** The extensions offered by the file picker (the server says what it refuses). */
export const FILE_TYPES = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/** The part's element and a way to bring it in line with the state. */
export interface FileDrop {
  el: HTMLElement;
  render(prev: FilesState | null, next: FilesState): void;
}

const STATUS_WORDS: Record<FileItem['status'], string> = { waiting: 'waiting', sending: 'adding…', added: '', failed: 'not added: ' };

function itemView(item: FileItem): HTMLElement {
  return h('li', { class: `file-item is-${item.status}`, 'data-status': item.status },
    h('span', { class: 'file-name' }, item.name),
    ' — ',
    item.status === 'added' && item.outcome ? outcomeView(item.outcome) : h('span', { class: 'file-status' }, STATUS_WORDS[item.status], item.message ?? ''),
  );
}

/** Build the part; `onFiles` gets the files chosen or dropped, in order. */
export function fileDrop(onFiles: (files: File[]) => void): FileDrop {
  const input = h('input', { type: 'file', id: 'add-files-input', name: 'files', multiple: true, accept: FILE_TYPES, 'aria-describedby': 'add-files-hint' });
  const zone = h('div', { class: 'drop-zone', 'data-drop': 'files' },
    h('p', { class: 'drop-zone-text', id: 'add-files-hint' }, 'Drop .txt, .md or .html files here, or choose them: each becomes a source, its id made from the file name.'),
    h('label', { for: input.id, class: 'drop-zone-label' }, 'Files to add'),
    input,
  );
  const progress = h('progress', { class: 'files-progress', hidden: true, 'aria-label': 'Files added so far' });
  const status = h('p', { class: 'files-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { class: 'file-results', 'aria-label': 'Files' });
  const summary = h('div', { class: 'files-summary-slot' });

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Cleared, so choosing the same files again is a new choice.
    input.value = '';
    if (files.length) onFiles(files);
  });
  const over = (on: boolean) => zone.classList.toggle('is-over', on);
  zone.addEventListener('dragenter', (e) => {
    e.preventDefault();
    over(true);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    over(true);
  });
  zone.addEventListener('dragleave', (e) => {
    if (!(e.relatedTarget instanceof Node && zone.contains(e.relatedTarget))) over(false);
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    over(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });

  const el = h('section', { class: 'add-files', 'aria-labelledby': 'add-files-title' },
    h('h2', { id: 'add-files-title' }, 'Add files'),
    zone,
    progress,
    status,
    list,
    summary,
  );

  return {
    el,
    render(prev, next) {
      if (prev?.items === next.items && prev.batch === next.batch) return;
      const run = next.items.slice(next.batch);
      const done = run.filter((x) => x.status === 'added' || x.status === 'failed').length;
      progress.hidden = run.length === 0;
      progress.max = Math.max(1, run.length);
      progress.value = done;
      status.textContent = progressText(next);
      list.replaceChildren(...next.items.map(itemView));
      summary.replaceChildren(run.length > 0 && !isRunning(next) ? filesSummary(next) : '');
    },
  };
}
