/** The one id rule: file names and titles to source ids, the same wherever a file is read. */
import { describe, expect, it } from 'vitest';
import { SOURCE_ID_PATTERN } from '../../../core/model';
import { fileStem, slugify, sourceIdFromFileName, sourceIdFromTitle, uniqueSourceId } from '../../../core/sources/source-id';

describe('sourceIdFromFileName', () => {
  it('turns the seed files as they came into slugs with "-" (once "_" for the CLI, "-" for the server)', () => {
    expect(sourceIdFromFileName('000_f73bab94f4e13693.txt')).toBe('000-f73bab94f4e13693');
    expect(sourceIdFromFileName('/data/in/000_f73bab94f4e13693.txt')).toBe('000-f73bab94f4e13693');
    expect(sourceIdFromFileName('C:\\data\\in\\000_f73bab94f4e13693.txt')).toBe('000-f73bab94f4e13693');
  });

  it('keeps a stem that already is a valid id, and strips every supported extension', () => {
    expect(sourceIdFromFileName('gsn-us-renews-call-for-russia.txt')).toBe('gsn-us-renews-call-for-russia');
    expect(sourceIdFromFileName('a--b.txt')).toBe('a--b');
    expect(sourceIdFromFileName('Report.MD')).toBe('report');
    expect(sourceIdFromFileName('page.html')).toBe('page');
    expect(sourceIdFromFileName('page.htm')).toBe('page');
    expect(sourceIdFromFileName('story.meta.json')).toBe('story');
    expect(fileStem('notes.tar.gz')).toBe('notes.tar.gz');
  });

  it('folds accents, case and punctuation, and never gives an invalid id', () => {
    expect(sourceIdFromFileName('Café Société – Édition spéciale.txt')).toBe('cafe-societe-edition-speciale');
    for (const name of ['___.txt', '.txt', '日本語.txt', `${'x'.repeat(200)}.txt`, `${'word '.repeat(40)}.md`, '-lead.txt']) {
      expect(sourceIdFromFileName(name)).toMatch(SOURCE_ID_PATTERN);
    }
    expect(sourceIdFromFileName('日本語.txt')).toBe('source');
  });

  it('cuts long names at a word boundary within the 81-character limit', () => {
    const id = sourceIdFromTitle('Russia Could Receive NATO Antimissile Security Pledge, France Says, After Talks In Paris And Brussels');
    expect(id.length).toBeLessThanOrEqual(81);
    expect(id.endsWith('-')).toBe(false);
    expect('russia-could-receive-nato-antimissile-security-pledge-france-says-after-talks-in-paris-and-brussels'.startsWith(id)).toBe(true);
    expect('russia-could-receive-nato-antimissile-security-pledge-france-says-after-talks-in-paris-and-brussels'.charAt(id.length)).toBe('-');
  });

  it('is stable: an id made from an id is the same id', () => {
    for (const name of ['000_f73bab94f4e13693.txt', 'Café Report.md', 'US Pursues Missile Defense.html']) {
      const id = sourceIdFromFileName(name);
      expect(sourceIdFromFileName(`${id}.txt`)).toBe(id);
      expect(slugify(id)).toBe(id);
    }
  });
});

describe('uniqueSourceId', () => {
  it('numbers a taken id and keeps the result within the limit', () => {
    const taken = new Set(['story', 'story-2']);
    expect(uniqueSourceId('fresh', (id) => taken.has(id))).toBe('fresh');
    expect(uniqueSourceId('story', (id) => taken.has(id))).toBe('story-3');
    const long = 'x'.repeat(81);
    const next = uniqueSourceId(long, (id) => id === long);
    expect(next).toMatch(SOURCE_ID_PATTERN);
    expect(next.endsWith('-2')).toBe(true);
  });
});
