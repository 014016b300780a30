/**
 * The reasons the client gives for what a role may not do, checked against the same rules the
 * server applies: each role is refused exactly what core/model/permissions.ts refuses it, and
 * others' annotations are refused to annotators but not to editors.
 */
import { describe, expect, it } from 'vitest';
import { permits, ROLES, type UseCase } from '../../../core/model';
import { PERMISSIONS } from '../../../core/model/permissions';
import { deniedReason } from '../../../client/account/permission-hints';

const who = (role: (typeof ROLES)[number], name = 'ana') => ({ name, role });

describe('deniedReason', () => {
  it('refuses each role exactly what the server refuses it', () => {
    for (const role of ROLES) {
      for (const use of Object.keys(PERMISSIONS) as UseCase[]) {
        const reason = deniedReason(who(role), use);
        expect(reason === null, `${role} ${use}`).toBe(permits(who(role), use) === 'ok');
      }
    }
  });

  it('names the role needed and the person’s own', () => {
    expect(deniedReason(who('viewer', 'vera'), 'annotation.create')).toBe('Making annotations needs the annotator role or higher; you are signed in as vera, a viewer.');
    expect(deniedReason(who('annotator'), 'set.manage')).toBe('Creating sets needs the editor role or higher; you are signed in as ana, an annotator.');
    expect(deniedReason(who('editor'), 'user.manage')).toMatch(/needs the admin role/);
  });

  it('lets annotators change their own annotations only; editors change anyone’s', () => {
    expect(deniedReason(who('annotator', 'ana'), 'annotation.edit', 'ana')).toBeNull();
    expect(deniedReason(who('annotator', 'ana'), 'annotation.delete', 'bob')).toBe('Only an editor or higher may delete someone else’s annotation; this one is bob’s.');
    expect(deniedReason(who('annotator', 'ana'), 'annotation.carry', 'bob')).toMatch(/may carry someone else’s/);
    expect(deniedReason(who('editor', 'eddie'), 'annotation.edit', 'bob')).toBeNull();
    // Use cases without an owner rule ignore the creator.
    expect(deniedReason(who('editor', 'eddie'), 'suggestion.decide', 'bob')).toBeNull();
  });

  it('leaves the judgement to the server when nobody is known', () => {
    expect(deniedReason(null, 'annotation.create')).toBeNull();
    expect(deniedReason(undefined, 'tag.rename', 'bob')).toBeNull();
  });
});
