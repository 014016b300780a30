/**
 * Fetching a web page by URL for the add-source pipeline (server route and CLI), safely: only http
 * and https; a deadline over the whole fetch (10 s); a size cap (5 MiB, streamed, stopped as soon as
 * it is passed); a content-type check (HTML, XHTML, plain text); at most 5 redirects, followed by hand
 * so that every hop is checked; and no connection to loopback, private, link-local and other
 * non-public addresses (address-policy.ts) unless `allowPrivate` (COLLATE_ALLOW_PRIVATE_FETCH=1).
 *
 * The address check runs after DNS resolution, inside the socket's own `lookup`: the request then
 * connects to exactly the address that was checked, so a name that resolves to a public address for
 * the check and to a private one a moment later (DNS rebinding) gets nowhere.
 *
 * Errors are {@link SourceError}s (source-error.ts) with a code and a suggested HTTP status.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { blockedAddressReason } from './address-policy';
import { decodeText, headerCharset } from './decode-text';
import { SourceError } from './source-error';

export interface FetchOptions {
  /** Deadline for the whole fetch, redirects and body included (default 10,000 ms). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 5 MiB). */
  maxBytes?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Allow non-public addresses (default: COLLATE_ALLOW_PRIVATE_FETCH=1 in the environment). */
  allowPrivate?: boolean;
  /** Addresses allowed even though not public (an intranet server the operator trusts), exact IPs. */
  allowedAddresses?: readonly string[];
  /** No fetching at all (a server that must not reach out, or a test that sends random addresses). */
  disabled?: boolean;
}

/** A fetched page. */
export interface FetchedPage {
  /** The URL asked for, and the final URL after redirects. */
  requestedUrl: string;
  url: string;
  /** Every URL that answered with a redirect, in order (the requested URL first, when it did). */
  redirects: string[];
  status: number;
  /** The media type, lower case, without parameters: text/html, application/xhtml+xml or text/plain. */
  contentType: string;
  /** The encoding the body was read with, and what did not match its declaration (see decode-text.ts). */
  charset: string;
  charsetNote?: string;
  body: string;
  bytes: number;
  /** When the fetch started (ISO timestamp) and how long it took. */
  fetchedAt: string;
  durationMs: number;
  /** The IP address the final response came from. */
  address: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 2 ** 20;
export const DEFAULT_MAX_REDIRECTS = 5;
const ACCEPTED_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Policy {
  allowPrivate: boolean;
  allowed: ReadonlySet<string>;
}

function refusal(address: string, policy: Policy): string | undefined {
  if (policy.allowPrivate || policy.allowed.has(address)) return undefined;
  return blockedAddressReason(address);
}

/** A `lookup` for the socket that resolves, keeps only permitted addresses and reports the one used. */
function guardedLookup(host: string, policy: Policy, used: (address: string) => void): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(new SourceError('fetch_failed', `cannot resolve ${host}: ${err.code ?? err.message}`), '', 4);
      const allowed = addresses.filter((a) => !refusal(a.address, policy));
      if (!allowed.length) {
        const first = addresses[0];
        const why = first ? `${first.address} is ${refusal(first.address, policy)}` : 'no address';
        return callback(new SourceError('fetch_refused', `refused to fetch from ${host}: ${why}`), '', 4);
      }
      used(allowed[0].address);
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      else callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SourceError('invalid_url', `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceError(base ? 'fetch_refused' : 'invalid_url', `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new SourceError('invalid_url', 'URLs with a user name or password are not fetched');
  return url;
}

interface Limits {
  timeoutMs: number;
  deadline: number;
  maxBytes: number;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body?: Uint8Array;
  address: string;
}

/** One request: the response's status and headers, and its body when it is one to read. */
function request(url: URL, policy: Policy, limits: Limits): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let address = host;
    if (isIP(host)) {
      const why = refusal(host, policy);
      if (why) return reject(new SourceError('fetch_refused', `refused to fetch from ${host}: it is ${why}`));
    }
    const remaining = limits.deadline - Date.now();
    if (remaining <= 0) return reject(new SourceError('fetch_timeout', 'the page took too long to answer'));
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      headers: {
        'user-agent': 'Collate/0.1 (article import)',
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
      lookup: isIP(host) ? undefined : guardedLookup(host, policy, (a) => (address = a)),
      // No connection reuse: every hop resolves and checks its address anew.
      agent: false,
    });
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err instanceof SourceError ? err : new SourceError('fetch_failed', `could not fetch ${url.host}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
    };
    const timer = setTimeout(() => fail(new SourceError('fetch_timeout', `no complete answer within ${limits.timeoutMs} ms`)), remaining);
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const done = (hop: Hop): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(hop);
      };
      if (REDIRECTS.has(status) || status < 200 || status >= 300) {
        res.resume();
        return done({ status, headers: res.headers, address });
      }
      const type = mediaType(res.headers['content-type']);
      if (type && !ACCEPTED_TYPES.has(type)) {
        return fail(new SourceError('unsupported_type', `the page is ${type}, not HTML or plain text`));
      }
      const declared = Number(res.headers['content-length']);
      if (declared > limits.maxBytes) {
        return fail(new SourceError('too_large', `the page is ${declared} bytes, more than the ${limits.maxBytes} allowed`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decompressed(res);
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          body.destroy();
          return fail(new SourceError('too_large', `the page is larger than the ${limits.maxBytes} bytes allowed`));
        }
        chunks.push(chunk);
      });
      body.on('error', fail);
      res.on('error', fail);
      body.on('end', () => done({ status, headers: res.headers, address, body: Buffer.concat(chunks) }));
    });
    req.end();
  });
}

function decompressed(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type || undefined;
}

/** Whether a body without a Content-Type reads as HTML. */
function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b/is.test(text.slice(0, 2048));
}

/** Whether `env` allows fetching from non-public addresses: COLLATE_ALLOW_PRIVATE_FETCH=1. */
export function privateFetchAllowed(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.COLLATE_ALLOW_PRIVATE_FETCH === '1';
}

/** Fetches `rawUrl` under the rules above; rejects with a {@link SourceError}. */
export async function fetchPage(rawUrl: string, options: FetchOptions = {}): Promise<FetchedPage> {
  if (options.disabled) throw new SourceError('fetch_refused', 'fetching web pages is turned off on this server');
  const started = Date.now();
  const policy: Policy = {
    allowPrivate: options.allowPrivate ?? privateFetchAllowed(),
    allowed: new Set(options.allowedAddresses ?? []),
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limits: Limits = { timeoutMs, deadline: started + timeoutMs, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const requested = parseUrl(rawUrl.trim());
  const redirects: string[] = [];
  let url = requested;
  for (;;) {
    const hop = await request(url, policy, limits);
    if (REDIRECTS.has(hop.status) && hop.headers.location) {
      if (redirects.length >= maxRedirects) throw new SourceError('too_many_redirects', `more than ${maxRedirects} redirects`);
      redirects.push(url.href);
      url = parseUrl(hop.headers.location, url);
      continue;
    }
    if (hop.status < 200 || hop.status >= 300 || !hop.body) {
      throw new SourceError('fetch_failed', `the page answered ${hop.status} ${http.STATUS_CODES[hop.status] ?? ''}`.trim());
    }
    let contentType = mediaType(hop.headers['content-type']);
    const decoded = decodeText(hop.body, { declared: headerCharset(hop.headers['content-type']), html: contentType !== 'text/plain' });
    if (!contentType) {
      // No Content-Type: only a body that plainly is HTML is accepted.
      if (!looksLikeHtml(decoded.text)) throw new SourceError('unsupported_type', 'the page has no content type and does not look like HTML');
      contentType = 'text/html';
    }
    return {
      requestedUrl: requested.href,
      url: url.href,
      redirects,
      status: hop.status,
      contentType,
      charset: decoded.charset,
      ...(decoded.note ? { charsetNote: decoded.note } : {}),
      body: decoded.text,
      bytes: hop.body.length,
      fetchedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      address: hop.address,
    };
  }
}
