/**
 * The secrets that sign people in (user tokens, session cookies) and how they are kept: each is 256
 * random bits, handed out once, and stored only as its SHA-256 hash.
 *
 * Why a fast unsalted hash and not scrypt or argon2: those are for secrets people choose, which an
 * attacker holding a leaked hash can guess from a dictionary; slowness and salts make each guess
 * dear. A 256-bit random token has no dictionary: guessing it from its hash is as hard as guessing
 * it outright, fast hash or not. A fast, deterministic hash also lets every API request find its
 * user by one hash and one lookup, where scrypt (tens of milliseconds of CPU by design) on every
 * request would slow the API down and hand anyone who sends bad tokens a cheap way to load the server.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes say what a secret is when one turns up in a log or a paste (and let secret scanners find them). */
export const TOKEN_PREFIX = 'collate_';
export const SESSION_PREFIX = 'cs_';

/** A new secret: the prefix and 32 random bytes in base64url (43 characters). */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** The form a secret is stored and looked up in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Compares two hashes in constant time, so response times say nothing about how much matched. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether `value` has the shape of a secret with this prefix (anything else is not looked up at all). */
export function looksLikeSecret(value: string, prefix: string): boolean {
  return value.length === prefix.length + 43 && value.startsWith(prefix) && /^[A-Za-z0-9_-]+$/.test(value.slice(prefix.length));
}
