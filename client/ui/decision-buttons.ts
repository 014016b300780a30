/**
 * Buttons that decide one thing together, such as Accept and Dismiss on a suggestion: while one
 * runs, all are disabled and it says what it is doing ("Dismissing…"); when the page reports a
 * failure they work again with their own words, so the user can try again.
 */
import { h } from './dom';

/** One button: its words, its words while it runs, and what it runs (true: done). */
export interface DecisionButton {
  label: string;
  busyLabel: string;
  action: string;
  primary?: boolean;
  run(): Promise<boolean>;
}

/** The buttons of `specs`, in order. */
export function decisionButtons(specs: readonly DecisionButton[]): HTMLButtonElement[] {
  const buttons = specs.map((spec) => h('button', { type: 'button', class: `btn btn-small${spec.primary ? ' btn-primary' : ''}`, 'data-action': spec.action }, spec.label));
  specs.forEach((spec, i) => {
    buttons[i].addEventListener('click', async () => {
      for (const b of buttons) b.disabled = true;
      buttons[i].textContent = spec.busyLabel;
      // Done: the page takes the buttons away with what they decided. Refused: they work again.
      if (await spec.run()) return;
      for (const b of buttons) b.disabled = false;
      buttons[i].textContent = spec.label;
    });
  });
  return buttons;
}
