/** The sign-in page's pure state: missing fields caught before sending, refusals said in words. */
import { describe, expect, it } from 'vitest';
import { applySignIn, INITIAL_SIGN_IN, refusalProblem, waitWords } from '../../../client/account/sign-in-state';

describe('sign-in state', () => {
  it('asks for a missing name or token before anything is sent', () => {
    expect(applySignIn(INITIAL_SIGN_IN, { type: 'submit', name: '  ', token: 'x' })).toEqual({ phase: 'idle', problem: { message: 'Enter your name.', field: 'name' } });
    expect(applySignIn(INITIAL_SIGN_IN, { type: 'submit', name: 'ana', token: '' })).toMatchObject({ phase: 'idle', problem: { field: 'token' } });
    expect(applySignIn(INITIAL_SIGN_IN, { type: 'submit', name: 'ana', token: 'ct_x' })).toEqual({ phase: 'signing-in', problem: null });
  });

  it('ignores a second submit while signing in, and ends done or refused', () => {
    const busy = applySignIn(INITIAL_SIGN_IN, { type: 'submit', name: 'ana', token: 't' });
    expect(applySignIn(busy, { type: 'submit', name: 'bob', token: 'u' })).toBe(busy);
    expect(applySignIn(busy, { type: 'signed-in' })).toEqual({ phase: 'done', problem: null });
    const refused = applySignIn(busy, { type: 'refused', failure: { status: 401, code: 'unauthenticated', message: 'the name or the token is wrong' } });
    expect(refused.phase).toBe('idle');
    expect(refused.problem?.field).toBe('token');
    expect(refused.problem?.message).toMatch(/^That name and token do not match an account/);
  });

  it('says how long to wait after too many attempts, from Retry-After', () => {
    expect(refusalProblem({ status: 429, code: 'too_many_attempts', message: '', retryAfter: 840 }).message).toBe('Too many failed sign-ins from this computer. Wait 14 minutes, then try again.');
    expect(refusalProblem({ status: 429, code: 'too_many_attempts', message: '' }).message).toContain('Wait a few minutes');
    expect(refusalProblem({ status: 0, code: 'network', message: 'Failed to fetch' }).message).toBe('Could not reach the server: Failed to fetch. Check the connection and try again.');
  });

  it('rounds waits up to what a person reads', () => {
    expect(waitWords(1)).toBe('1 second');
    expect(waitWords(45)).toBe('45 seconds');
    expect(waitWords(60)).toBe('1 minute');
    expect(waitWords(61)).toBe('2 minutes');
    expect(waitWords(3 * 3600)).toBe('3 hours');
    expect(waitWords(0)).toBe('a few minutes');
  });
});
