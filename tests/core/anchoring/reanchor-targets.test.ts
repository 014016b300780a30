import { describe, expect, it } from 'vitest';
import { quoteContext } from '../../../core/anchoring/quote-context';
import { reanchorTargets } from '../../../core/anchoring/reanchor-targets';
import type { Target } from '../../../core/model';

/** Named fixture: a short news story, five paragraphs. */
const PARAGRAPHS = [
  'Moscow rejected the missile shield proposal on Tuesday, officials said after the talks in Geneva ended without agreement.',
  'Frank Rose told reporters that the system is not aimed at Russia and would never threaten its deterrent forces.',
  'The minister recieved a letter from Washington outlining sectoral cooperation, according to a statement released late on Monday.',
  'Analysts in Brussels expect another round of consultations before the summit in Chicago next spring.',
  'Russia has warned it could deploy Iskander missiles in Kaliningrad if no binding guarantees are offered.',
];
const STORY = PARAGRAPHS.join('\n\n');

function targetAt(text: string, exact: string, extra: Partial<Target> = {}): Target {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not in text`);
  return { source: 'story', start, end: start + exact.length, exact, ...quoteContext(text, start, start + exact.length), ...extra };
}

const one = (oldText: string, newText: string, t: Target, revision?: number) => reanchorTargets(oldText, newText, [t], { revision })[0];

describe('reanchorTargets', () => {
  it('keeps a quote whose text stayed, at its shifted offsets, with fresh context: unchanged', () => {
    const t = targetAt(STORY, 'not aimed at Russia', { revision: 1 });
    const revised = 'UPDATED 14:00. ' + STORY.replace('Geneva', 'Geneva, Switzerland,');
    const { target, status } = one(STORY, revised, t, 2);
    expect(status).toBe('unchanged');
    expect(revised.slice(target.start, target.end)).toBe('not aimed at Russia');
    expect(target).toMatchObject({ ...quoteContext(revised, target.start, target.end), revision: 2 });
    expect(target.changedFrom).toBeUndefined();
  });

  it('follows a moved paragraph: moved', () => {
    const t = targetAt(STORY, 'deploy Iskander missiles in Kaliningrad');
    const revised = [PARAGRAPHS[4], ...PARAGRAPHS.slice(0, 4)].join('\n\n');
    const { target, status } = one(STORY, revised, t);
    expect(status).toBe('moved');
    expect(target.start).toBe(revised.indexOf('deploy Iskander'));
    expect(target.exact).toBe(t.exact);
  });

  it('re-attaches a quote whose words were edited to the new wording, keeping the old quote: changed', () => {
    const t = targetAt(STORY, 'Frank Rose told reporters that the system is not aimed at Russia', { revision: 1 });
    const revised = STORY.replace('told reporters that the system', 'told journalists the shield');
    const { target, status } = one(STORY, revised, t, 2);
    expect(status).toBe('changed');
    expect(target.exact).toBe('Frank Rose told journalists the shield is not aimed at Russia');
    expect(revised.slice(target.start, target.end)).toBe(target.exact);
    expect(target.changedFrom).toEqual({ exact: t.exact, revision: 1 });
    expect(target.revision).toBe(2);
    expect(target.orphaned).toBeUndefined();
  });

  it('follows a fixed typo inside a one-word quote', () => {
    const t = targetAt(STORY, 'recieved');
    const revised = STORY.replace('recieved', 'received');
    const { target, status } = one(STORY, revised, t);
    expect(status).toBe('changed');
    expect(target).toMatchObject({ exact: 'received', changedFrom: { exact: 'recieved' } });
  });

  it('takes an edited word at the edge of a quote into the new wording', () => {
    const t = targetAt(STORY, 'Analysts in Brussels expect');
    const revised = STORY.replace('Analysts in Brussels expect', 'Diplomats in Brussels anticipate');
    expect(one(STORY, revised, t).target.exact).toBe('Diplomats in Brussels anticipate');
  });

  it('orphans a quote whose text is gone, keeping its quote, context and offsets', () => {
    const t = targetAt(STORY, 'Analysts in Brussels expect another round');
    const revised = PARAGRAPHS.filter((_, k) => k !== 3).join('\n\n');
    const { target, status } = one(STORY, revised, t, 2);
    expect(status).toBe('orphaned');
    expect(target).toEqual({ ...t, orphaned: true });
  });

  it('does not re-attach a short quote to the same words elsewhere when its own place is gone', () => {
    const text = STORY + '\n\nAnother round of talks is planned, officials said.';
    const t = targetAt(text, 'another round');
    const revised = text.replace(PARAGRAPHS[3] + '\n\n', '');
    expect(one(text, revised, t).status).toBe('orphaned');
  });

  it('finds a short paragraph that moved too little to be detected as a move, near its mapped place', () => {
    const short = 'Talks resume Friday.';
    const text = [PARAGRAPHS[0], short, PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n');
    const revised = [PARAGRAPHS[0], PARAGRAPHS[1], 'Talks resume Fridey.', PARAGRAPHS[2]].join('\n\n');
    const { target, status } = one(text, revised, targetAt(text, short));
    expect(status).toBe('changed');
    expect(target.exact).toBe('Talks resume Fridey.');
  });

  it('finds a distinctive quote moved far away intact, though its context moved on', () => {
    const short = 'Talks resume Friday.';
    const text = [PARAGRAPHS[0], short, ...PARAGRAPHS.slice(1)].join('\n\n');
    const revised = [...PARAGRAPHS, short].join('\n\n');
    const t = targetAt(text, 'Talks resume Friday');
    const { target, status } = one(text, revised, t);
    expect(status).toBe('moved');
    expect(target.start).toBe(revised.indexOf('Talks resume Friday'));
  });

  it('is idempotent: a second run on its own result changes nothing, with or without revision numbers', () => {
    const targets = ['Moscow rejected', 'not aimed at Russia', 'recieved a letter', 'next spring', 'Iskander missiles']
      .map((q) => targetAt(STORY, q, { revision: 1 }));
    const revised = [PARAGRAPHS[3], PARAGRAPHS[0], PARAGRAPHS[1].replace('Russia', 'the Russian Federation'), PARAGRAPHS[2].replace('recieved', 'received')].join('\n\n');
    const first = reanchorTargets(STORY, revised, targets, { revision: 2 });
    expect(first.map((r) => r.status)).toEqual(['unchanged', 'changed', 'changed', 'moved', 'orphaned']);
    const withRevision = reanchorTargets(STORY, revised, first.map((r) => r.target), { revision: 2 });
    withRevision.forEach((r, k) => expect(r.target).toBe(first[k].target));
    const unnumbered = reanchorTargets(STORY, revised, targets.map(({ revision: _r, ...t }) => t));
    const again = reanchorTargets(STORY, revised, unnumbered.map((r) => r.target));
    again.forEach((r, k) => expect(r.target).toBe(unnumbered[k].target));
  });

  it('keeps the first wording in changedFrom across revisions, and drops it when the wording comes back', () => {
    const t = targetAt(STORY, 'not aimed at Russia', { revision: 1 });
    const v2 = STORY.replace('not aimed at Russia', 'not aimed at Moscow');
    const v3 = v2.replace('not aimed at Moscow', 'never aimed at Moscow');
    const second = one(STORY, v2, t, 2).target;
    const third = one(v2, v3, second, 3).target;
    expect(third).toMatchObject({ exact: 'never aimed at Moscow', changedFrom: { exact: 'not aimed at Russia', revision: 1 }, revision: 3 });
    const back = one(v3, STORY, third, 4).target;
    expect(back.exact).toBe('not aimed at Russia');
    expect(back.changedFrom).toBeUndefined();
  });

  it('heals an orphaned target only when its quote comes back with its context', () => {
    const t = { ...targetAt(STORY, 'Analysts in Brussels expect'), orphaned: true, start: 3, end: 30 };
    const without = PARAGRAPHS.filter((_, k) => k !== 3).join('\n\n');
    const still = one(STORY, without, t);
    expect(still.status).toBe('orphaned');
    expect(still.target).toBe(t);
    const healed = one(without, STORY, t);
    expect(healed.status).toBe('moved');
    expect(healed.target.orphaned).toBeUndefined();
    expect(STORY.slice(healed.target.start, healed.target.end)).toBe('Analysts in Brussels expect');
  });

  it('leaves targets already anchored to this revision or a later one alone', () => {
    const t = targetAt(STORY, 'Moscow rejected', { revision: 3 });
    expect(one('something else entirely', STORY, t, 3).target).toBe(t);
  });

  it('never returns a range that splits a surrogate pair', () => {
    const text = 'Crowds cheered 🎉🎉 in the square as the results came in, witnesses said on Sunday.';
    const t = targetAt(text, 'cheered 🎉🎉 in the square');
    const revised = text.replace('🎉🎉', '🎊🎉');
    const { target } = one(text, revised, t);
    expect(revised.slice(target.start, target.end)).toBe(target.exact);
    expect(target.exact).toBe('cheered 🎊🎉 in the square');
  });
});
