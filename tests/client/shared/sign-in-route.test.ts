/** The sign-in route: where to return after signing in, and only to a page of this app. */
import { describe, expect, it } from 'vitest';
import { isReturnHash, parseRoute, signInHref } from '../../../client/shared/routes';

describe('sign-in route', () => {
  it('round-trips the page to return to and the reason', () => {
    const back = '#/annotations?q=rose&kind=claim';
    const href = signInHref({ back, why: 'expired' });
    expect(parseRoute(href)).toEqual({ name: 'sign-in', back, why: 'expired' });
    expect(parseRoute('#/sign-in')).toEqual({ name: 'sign-in' });
    expect(signInHref({ back: '#/' })).toBe('#/sign-in');
  });

  it('returns only to app pages, never to itself or elsewhere', () => {
    expect(isReturnHash('#/source/abc?annotation=a_1')).toBe(true);
    for (const bad of ['https://evil.example/', '//evil.example', 'javascript:alert(1)', '#/sign-in', '#/sign-in?return=%23%2F', '', '#/a b']) {
      expect(isReturnHash(bad), bad).toBe(false);
    }
    expect(parseRoute(`#/sign-in?return=${encodeURIComponent('https://evil.example/')}&why=nonsense`)).toEqual({ name: 'sign-in' });
  });
});
