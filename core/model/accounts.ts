/**
 * People who may use a shared Collate, and their sign-ins: roles, user names, and the user and
 * session records the store keeps. Secrets never appear here, only their hashes, so a copy of the
 * data folder (a backup, say) holds nothing that signs anyone in.
 */
import { z } from 'zod';
import { ROLES } from './vocabulary';

export const RoleSchema = z.enum(ROLES);

/**
 * A user name: starts with a letter or digit (so it can never read as a spreadsheet formula) and
 * holds letters, digits, ".", "_" and "-". Compared without regard to case or Unicode normal form.
 */
export const UserName = z
  .string()
  .min(1)
  .max(64)
  .transform((s) => s.normalize('NFC'))
  .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]*$/u, 'must start with a letter or digit and use only letters, digits, ".", "_" and "-"'));

/** The key a user is stored under: names that differ only in case or normal form are one user. */
export function userKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A user as stored: the token only as its hash (see server/auth/secrets.ts). */
export const User = z
  .object({
    name: z.string().min(1),
    role: RoleSchema,
    tokenHash: z.string().min(1),
    created: z.string(),
    /** When the current token was made: `user token` replaces it. */
    tokenIssued: z.string(),
  })
  .strict();
export type User = z.infer<typeof User>;

/** What the API and the CLI show of a user. */
export type UserSummary = Omit<User, 'tokenHash'>;

export function userSummary(u: User): UserSummary {
  return { name: u.name, role: u.role, created: u.created, tokenIssued: u.tokenIssued };
}

/**
 * A browser sign-in. `id` is the hash of the secret in the cookie. It ends when idle for too long
 * (`seen` is refreshed as it is used) or at `expires`, whichever comes first.
 */
export const Session = z
  .object({
    id: z.string().min(1),
    /** The user's key (userKey). */
    user: z.string().min(1),
    created: z.string(),
    seen: z.string(),
    expires: z.string(),
  })
  .strict();
export type Session = z.infer<typeof Session>;
