/**
 * The sign-in page (`#/sign-in`, with the page to return to): a name and a token (a password field,
 * so it is not shown or remembered as plain text), a clear reason when the server refuses, and back
 * to where the user was once signed in, where a form they had open comes back with what they typed.
 * One state (sign-in-state.ts), changed through dispatch.
 */
import { ApiError, errorMessage } from '../api/api-error';
import { signIn, type SessionInfo } from '../api/account-api';
import { createPageStore, type Page } from '../shared/page-store';
import type { SignInRoute } from '../shared/routes';
import { h } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { clearStatus } from '../ui/status';
import { currentSession, setSession } from './session';
import { applySignIn, INITIAL_SIGN_IN, type SignInAction, type SignInFailure, type SignInState } from './sign-in-state';
import './account.css';

const LEADS: Record<NonNullable<SignInRoute['why']> | 'first', string> = {
  first: 'This Collate has accounts: sign in with your name and the token an admin gave you.',
  expired: 'Your session has ended. Sign in again to go on where you were; anything you were typing is kept.',
  'signed-out': 'You have signed out. Sign in again with your name and token.',
};

function failureOf(err: unknown): SignInFailure {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message, retryAfter: err.retryAfter };
  return { status: 0, code: 'network', message: errorMessage(err) };
}

/** What the page says when nobody needs to sign in, or someone already is. */
function whoNote(session: SessionInfo | null): HTMLElement | null {
  if (!session) return null;
  if (session.via === 'local') {
    return h('p', { class: 'sign-in-note' }, 'This Collate has no accounts: nobody needs to sign in. ', h('a', { href: '#/' }, 'Go to the sources'));
  }
  return h('p', { class: 'sign-in-note' }, `You are signed in as ${session.user.name} (${session.user.role}). Signing in here changes to another account.`);
}

/** Mount the sign-in page into `root`. */
export function signInPage(root: HTMLElement, route: SignInRoute): Page {
  const { help, destroy: destroyHelp } = pageHelp('sign-in');
  document.title = 'Sign in · Collate';
  const name = h('input', { type: 'text', id: 'sign-in-name', name: 'name', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', maxlength: 200, required: true });
  const token = h('input', { type: 'password', id: 'sign-in-token', name: 'token', autocomplete: 'current-password', maxlength: 200, required: true, 'aria-describedby': 'sign-in-token-hint' });
  const problem = h('p', { class: 'form-error sign-in-error', id: 'sign-in-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in');
  const form = h('form', { class: 'sign-in-form', 'aria-labelledby': 'sign-in-title', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: name.id }, 'Name'), name),
    h('div', { class: 'field' },
      h('label', { for: token.id }, 'Token'),
      token,
      h('span', { class: 'field-hint', id: 'sign-in-token-hint' }, 'The long line printed when your account was made (npm run cli -- user add …). Lost it? An admin can give you a new one.'),
    ),
    problem,
    h('div', { class: 'form-actions' }, submit),
  );

  const render = (prev: SignInState, next: SignInState) => {
    submit.disabled = next.phase !== 'idle';
    submit.textContent = next.phase === 'signing-in' ? 'Signing in…' : 'Sign in';
    if (next.phase === 'signing-in') form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
    if (prev.problem === next.problem) return;
    const p = next.problem;
    problem.hidden = !p;
    problem.textContent = p?.message ?? '';
    for (const [field, input] of [['name', name], ['token', token]] as const) {
      const bad = p?.field === field;
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', [bad ? problem.id : null, field === 'token' ? 'sign-in-token-hint' : null].filter(Boolean).join(' '));
      if (!input.getAttribute('aria-describedby')) input.removeAttribute('aria-describedby');
    }
    if (p?.field === 'name') name.focus();
    else if (p?.field === 'token') token.select();
  };

  const effect = (action: SignInAction, state: SignInState, dispatch: (a: SignInAction) => void) => {
    if (action.type !== 'submit' || state.phase !== 'signing-in') return;
    void signIn(action.name.trim(), action.token.trim()).then(
      (session) => {
        dispatch({ type: 'signed-in' });
        setSession(session);
        // Back where the user was: the page mounts again, and takes back what it kept.
        location.hash = route.back ?? '#/';
      },
      (err: unknown) => dispatch({ type: 'refused', failure: failureOf(err) }),
    );
  };

  const store = createPageStore(INITIAL_SIGN_IN, applySignIn, { render, effect });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    store.dispatch({ type: 'submit', name: name.value, token: token.value });
  });

  root.replaceChildren(
    h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      h('div', { class: 'home-head' }, h('h1', { id: 'sign-in-title' }, 'Sign in'), helpButton(help)),
      h('p', { class: 'lead', 'data-why': route.why ?? 'first' }, LEADS[route.why ?? 'first']),
      whoNote(currentSession()),
      form,
    ),
  );
  name.focus();

  return {
    destroy() {
      store.close();
      destroyHelp();
      clearStatus();
    },
  };
}
