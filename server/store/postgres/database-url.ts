/**
 * Database URLs as the configuration and the logs handle them, without loading the PostgreSQL
 * client: whether a URL names a PostgreSQL database, and the URL as it may be shown (no password).
 */

/** Whether `url` names a PostgreSQL database (the schemes libpq accepts). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\/./i.test(url);
}

/** `url` with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
