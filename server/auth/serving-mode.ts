/**
 * Which mode a server starts in, from where it listens and whether users exist:
 *
 * - no users, loopback: the single-person tool; every request is the local user.
 * - no users, any other address: refused. Anyone who could reach it could read and change
 *   everything; the message says how to add a user.
 * - users: every API request needs a token or a signed-in session. On an address other than
 *   loopback this is plain HTTP, hence the warning that TLS must come from a reverse proxy.
 */
import { isLoopbackHost } from '../http/own-addresses';

export interface ServingMode {
  /** Whether the single-user mode may apply while no user exists. */
  localMode: boolean;
  /** Lines to print at start-up. */
  warnings: string[];
}

export class ServingModeError extends Error {}

export function servingMode(host: string, userCount: number): ServingMode {
  const loopback = isLoopbackHost(host);
  if (!loopback && userCount === 0) {
    throw new ServingModeError(
      `refusing to listen on ${host} with no users: anyone who can reach this machine could read and change everything.\n` +
        `  Add a user first:    npm run cli -- user add <name> --role admin   (prints their token; keep it)\n` +
        `  or stay on loopback: HOST=127.0.0.1`,
    );
  }
  const warnings = loopback
    ? []
    : [
        `warning: serving plain HTTP on ${host}: tokens and session cookies cross the network unencrypted.`,
        `  Put a reverse proxy with TLS in front and pass --public-url https://… (README: "Team setup").`,
      ];
  return { localMode: loopback, warnings };
}
