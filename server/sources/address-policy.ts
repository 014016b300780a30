/**
 * Which network addresses a server-side fetch may connect to. Fetching a URL a user typed must not
 * become a way to reach the machine itself or its private network (server-side request forgery), so
 * loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified, reserved
 * and documentation ranges are refused, in IPv4 and IPv6, including IPv6 forms that embed an IPv4
 * address (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`),
 * which are judged by the address they embed. Ranges from the IANA special-purpose address registries
 * (RFC 6890 and its updates).
 */
import { isIP } from 'node:net';

/** An IPv4 range: network address as a 32-bit number and prefix length, with what it is. */
const IPV4_BLOCKED: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved or broadcast'],
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** The eight 16-bit groups of an IPv6 address (with "::" expanded and a dotted IPv4 tail read). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = ipv4Number(dotted[1]);
    text = text.slice(0, dotted.index) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

function blockedIpv4(address: string): string | undefined {
  const n = ipv4Number(address);
  for (const [net, bits, what] of IPV4_BLOCKED) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if (((n & mask) >>> 0) === ((ipv4Number(net) & mask) >>> 0)) return what;
  }
  return undefined;
}

function embeddedIpv4(high: number, low: number): string {
  return `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;
}

function blockedIpv6(address: string): string | undefined {
  const g = ipv6Groups(address);
  const zeroUntil = (k: number): boolean => g.slice(0, k).every((x) => x === 0);
  if (zeroUntil(8)) return 'unspecified';
  if (zeroUntil(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:0:0/96) and the deprecated IPv4-compatible (::/96) forms.
  if (zeroUntil(5) && (g[5] === 0xffff || g[5] === 0)) {
    const inner = blockedIpv4(embeddedIpv4(g[6], g[7]));
    return inner && `IPv4-mapped ${inner}`;
  }
  if (g[0] === 0x64 && g[1] === 0xff9b && zeroUntil(0) && g.slice(2, 6).every((x) => x === 0)) {
    const inner = blockedIpv4(embeddedIpv4(g[6], g[7]));
    return inner && `NAT64 ${inner}`;
  }
  if (g[0] === 0x2002) {
    const inner = blockedIpv4(embeddedIpv4(g[1], g[2]));
    return inner && `6to4 ${inner}`;
  }
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard-only';
  return undefined;
}

/**
 * Why `address` (an IPv4 or IPv6 literal) may not be fetched from, e.g. "loopback"; undefined when it
 * is a public address. Anything that is not an IP literal is refused too: callers resolve names first.
 */
export function blockedAddressReason(address: string): string | undefined {
  const family = isIP(address.replace(/^\[|\]$/g, ''));
  if (family === 4) return blockedIpv4(address);
  if (family === 6) return blockedIpv6(address.replace(/^\[|\]$/g, ''));
  return 'not an IP address';
}
