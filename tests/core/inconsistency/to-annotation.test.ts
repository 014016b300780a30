import { describe, it, expect } from 'vitest';
import { suggestInconsistencies, suggestionToAnnotation } from '../../../core/inconsistency';
import { CreateAnnotation } from '../../../core/model/schemas';
import { PURSUES, UNDERCUT, passage, seed } from './fixtures';

const pursues = seed(PURSUES);
const undercut = seed(UNDERCUT);
const [sectoral] = suggestInconsistencies(
  [pursues, undercut],
  [
    passage(
      pursues,
      'the United States and NATO cannot agree to Russia’s proposal for “sectoral” missile defense',
      undercut,
      'The United States and NATO also cannot agree to Russia’s proposal for “sectoral” missile defense',
    ),
  ],
);

describe('suggestionToAnnotation', () => {
  it('builds a valid inconsistency body with the summary as note', () => {
    const body = suggestionToAnnotation(sectoral);
    const parsed = CreateAnnotation.parse(body);
    expect(parsed.kind).toBe('inconsistency');
    expect(parsed.note).toBe(sectoral.summary);
    expect(parsed.tags).toEqual(['attribution']);
    expect(parsed.targets).toEqual(sectoral.targets);
    expect(parsed.set).toBe('default');
    for (const t of parsed.targets) {
      const text = t.source === PURSUES ? pursues.text : undercut.text;
      expect(text.slice(t.start, t.end)).toBe(t.exact);
    }
  });

  it('passes set and extra tags, without repeating a tag, and never a creator (the server takes it from the identity)', () => {
    const body = suggestionToAnnotation(sectoral, { set: 'review', extraTags: ['attribution', 'newsblaze'] });
    const parsed = CreateAnnotation.parse(body);
    expect(parsed.set).toBe('review');
    expect(CreateAnnotation.safeParse({ ...body, creator: 'ana' }).success).toBe(false);
    expect(parsed.tags).toEqual(['attribution', 'newsblaze']);
  });
});
