/**
 * The names and origins this server answers to: loopback (localhost, 127.0.0.1, [::1]) and the
 * address the connection came in on, each with the port it came in on, plus the public URL a
 * reverse proxy serves it under (--public-url). Anything else in a Host header is a name someone
 * pointed at us (DNS rebinding); anything else in an Origin header is another site.
 */
import type { Request } from 'express';
import { isIP } from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface HostAndPort {
  /** Lower case; IPv6 literals in brackets. */
  hostname: string;
  port?: number;
}

/** Splits a Host header value; undefined when it is not a plausible `name[:port]`. */
export function parseHost(value: string): HostAndPort | undefined {
  const m = /^(\[[0-9a-f:.]+(?:%[\w.~-]+)?\]|[a-z0-9._~-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && port > 65535) return undefined;
  return { hostname: m[1].toLowerCase(), port };
}

/** The address a connection came in on, as a Host header would name it. */
function localName(req: Request): string | undefined {
  let addr = req.socket.localAddress;
  if (!addr) return undefined;
  if (addr.startsWith('::ffff:') && isIP(addr.slice(7)) === 4) addr = addr.slice(7);
  return isIP(addr) === 6 ? `[${addr.toLowerCase()}]` : addr;
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** Whether a name with a port (defaulting as for http) is this server reached directly. */
function isDirect(req: Request, host: HostAndPort): boolean {
  if (!LOOPBACK_NAMES.has(host.hostname) && host.hostname !== localName(req)) return false;
  return (host.port ?? 80) === req.socket.localPort;
}

/** Whether a name is the public URL's host (without a port it may be the default one a proxy dropped). */
function isPublic(host: HostAndPort, publicUrl: URL | undefined): boolean {
  if (!publicUrl || host.hostname !== publicUrl.hostname.toLowerCase()) return false;
  return host.port === undefined || host.port === (publicUrl.port ? Number(publicUrl.port) : defaultPort(publicUrl.protocol));
}

/** Whether the request's Host header names this server. */
export function isOwnHost(req: Request, publicUrl: URL | undefined): boolean {
  const value = req.headers.host;
  if (value === undefined) return false;
  const host = parseHost(value);
  return host !== undefined && (isDirect(req, host) || isPublic(host, publicUrl));
}

/** Whether an Origin header value is this app's own origin (the page was loaded from here). */
export function isOwnOrigin(req: Request, origin: string, publicUrl: URL | undefined): boolean {
  if (publicUrl && origin === publicUrl.origin) return true;
  const m = /^http:\/\/([^/?#@]+)$/i.exec(origin);
  if (!m) return false;
  const host = parseHost(m[1]);
  return host !== undefined && isDirect(req, host);
}

/** Whether a bind address is loopback only, so no other machine can reach it. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}
