/**
 * The state of the sign-in page (`#/sign-in`): idle, signing in, or refused with a reason said in
 * plain words (a wrong name or token; too many attempts, with how long to wait; the server out of
 * reach), and which field the reason is about. Pure transitions and wording.
 */

/** Which field a problem is about (focus goes there), or the form as a whole. */
export type SignInField = 'name' | 'token' | null;

export interface SignInProblem {
  message: string;
  field: SignInField;
}

export interface SignInState {
  phase: 'idle' | 'signing-in' | 'done';
  problem: SignInProblem | null;
}

/** What a refused sign-in answered: the API error's status, code, message and Retry-After seconds. */
export interface SignInFailure {
  status: number;
  code: string;
  message: string;
  retryAfter?: number;
}

export type SignInAction =
  | { type: 'submit'; name: string; token: string }
  | { type: 'refused'; failure: SignInFailure }
  | { type: 'signed-in' };

export const INITIAL_SIGN_IN: SignInState = { phase: 'idle', problem: null };

/** "14 minutes", "1 minute", "45 seconds": how long to wait, rounded up to what a person reads. */
export function waitWords(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 'a few minutes';
  if (seconds < 60) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/** What is missing before anything is sent, or null. */
export function missingField(name: string, token: string): SignInProblem | null {
  if (name.trim() === '') return { message: 'Enter your name.', field: 'name' };
  if (token.trim() === '') return { message: 'Enter your token: the long line an admin gave you when your account was made.', field: 'token' };
  return null;
}

/** The words for a refused sign-in. */
export function refusalProblem(f: SignInFailure): SignInProblem {
  if (f.status === 401) {
    return { message: 'That name and token do not match an account. Check both (the token is one long line, without spaces) and try again.', field: 'token' };
  }
  if (f.status === 429) {
    return { message: `Too many failed sign-ins from this computer. Wait ${waitWords(f.retryAfter)}, then try again.`, field: null };
  }
  if (f.status === 0) return { message: `Could not reach the server: ${f.message}. Check the connection and try again.`, field: null };
  if (f.status === 400) return { message: `The server did not accept this sign-in: ${f.message}.`, field: null };
  return { message: `Could not sign in: ${f.message}`, field: null };
}

/** The next state after `action`. Pure. */
export function applySignIn(state: SignInState, action: SignInAction): SignInState {
  switch (action.type) {
    case 'submit': {
      if (state.phase === 'signing-in') return state;
      const missing = missingField(action.name, action.token);
      return missing ? { phase: 'idle', problem: missing } : { phase: 'signing-in', problem: null };
    }
    case 'refused':
      return { phase: 'idle', problem: refusalProblem(action.failure) };
    case 'signed-in':
      return { phase: 'done', problem: null };
  }
}
