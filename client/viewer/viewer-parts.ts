/**
 * The pieces of a mounted source page that rendering and effects act on: the ProseMirror view (once
 * the source has loaded), the sidebar and its sections, the popovers, the open form. One object, so
 * viewer-render.ts and viewer-effects.ts need not know how the page was put together.
 */
import type { CopiesPopover } from '../reuse/copies-popover';
import type { CoverageSection } from '../reuse/coverage-section';
import type { DraftTray } from '../reuse/draft-tray';
import type { SuggestionsSection } from '../reuse/suggestions-section';
import type { SuggestionPopover } from '../suggestions/suggestion-popover';
import type { AnnotationForm } from '../sidebar/annotation-form';
import type { Sidebar } from '../sidebar/sidebar';
import type { HelpDialog } from '../ui/help-dialog';
import type { KeyboardSelection } from '../ui/keyboard-selection';
import type { SourceView } from './source-view';
import type { ViewerAction, ViewerState } from './viewer-state';

/** The mounted page. `view` and the controls exist once the source has loaded. */
export interface ViewerParts {
  root: HTMLElement;
  sourceId: string;
  dispatch(action: ViewerAction): void;
  /** The page's current state (for callbacks that run after the render that built them). */
  getState(): ViewerState;
  view: SourceView | null;
  sidebar: Sidebar;
  tray: DraftTray;
  coverage: CoverageSection;
  suggestions: SuggestionsSection;
  popover: CopiesPopover;
  keys: KeyboardSelection;
  help: HelpDialog;
  /** The "Show reuse" and "Show all sets" checkboxes. */
  reuseToggle: HTMLInputElement;
  allSetsToggle: HTMLInputElement;
  /** The suggestions' margin marks: their popover, the "Show suggestions" checkbox, the sidebar's line to the inbox. */
  marksPopover: SuggestionPopover;
  marksToggle: HTMLInputElement;
  moreSuggestions: { el: HTMLElement; update(n: number): void };
  /** A suggestion the address asks to open on, until the suggestions have loaded. */
  openSuggestion: string | null;
  /** The open form and the form state it was built for. */
  form: { seq: number; form: AnnotationForm } | null;
}
