/**
 * The shared permission rules as the client would use them to offer only what the server allows:
 * roles in order, and the creator rule for changing annotations.
 */
import { describe, expect, it } from 'vitest';
import { atLeast, mayChange, permits, ROLES } from '../../../core/model';

const ana = { name: 'ana', role: 'annotator' } as const;
const vera = { name: 'vera', role: 'viewer' } as const;
const eddie = { name: 'eddie', role: 'editor' } as const;

describe('permissions', () => {
  it('orders the roles, each including the ones before it', () => {
    expect(ROLES).toEqual(['viewer', 'annotator', 'editor', 'admin']);
    expect(atLeast('admin', 'editor')).toBe(true);
    expect(atLeast('annotator', 'editor')).toBe(false);
  });

  it('needs an identity except for the session routes, and the role for the use', () => {
    expect(permits(undefined, 'session')).toBe('ok');
    expect(permits(undefined, 'read')).toBe('unauthenticated');
    expect(permits(vera, 'export')).toBe('ok');
    expect(permits(vera, 'annotation.create')).toBe('forbidden');
    expect(permits(eddie, 'user.manage')).toBe('forbidden');
  });

  it('lets an annotator change only what they created, an editor anything', () => {
    for (const use of ['annotation.edit', 'annotation.delete', 'annotation.carry'] as const) {
      expect(mayChange(ana, use, 'ana'), use).toBe(true);
      expect(mayChange(ana, use, 'eddie'), use).toBe(false);
      expect(mayChange(eddie, use, 'ana'), use).toBe(true);
      expect(mayChange(vera, use, 'vera'), use).toBe(false);
    }
  });
});
