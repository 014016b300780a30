/**
 * The session cookie: its name, its attributes, and reading it from a Cookie header. Written by hand
 * because it is one cookie with fixed attributes: HttpOnly (page scripts cannot read it),
 * SameSite=Strict (browsers do not send it on requests other sites start), Path=/, and Secure with
 * the `__Host-` name prefix when the public URL is https (the browser then refuses it over plain
 * http and from any other host).
 */
import { looksLikeSecret, SESSION_PREFIX } from '../auth/secrets';

export interface SessionCookie {
  name: string;
  secure: boolean;
}

export function sessionCookie(publicUrl: URL | undefined): SessionCookie {
  const secure = publicUrl?.protocol === 'https:';
  return { name: secure ? '__Host-collate_session' : 'collate_session', secure };
}

/** The value of one cookie in a Cookie header, if present (the first, when repeated). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session secret a Cookie header carries, when it has the shape of one. */
export function sessionSecretOf(header: string | undefined, cookie: SessionCookie): string | undefined {
  const value = readCookie(header, cookie.name);
  return value !== undefined && looksLikeSecret(value, SESSION_PREFIX) ? value : undefined;
}

/** A Set-Cookie value: the session secret for `maxAgeSeconds`, or (null) one that removes it. */
export function setCookieValue(cookie: SessionCookie, secret: string | null, maxAgeSeconds = 0): string {
  const parts = [`${cookie.name}=${secret ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${secret === null ? 0 : Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (cookie.secure) parts.push('Secure');
  return parts.join('; ');
}
