import { describe, it, expect } from 'vitest';
import { analyseDocument } from '../../../core/inconsistency/document';
import { attributeSentence } from '../../../core/inconsistency/attribution';
import { suggestInconsistencies } from '../../../core/inconsistency';
import type { ReusePassage } from '../../../core/model/schemas';
import { PURSUES, UNDERCUT, locate, seed } from './fixtures';

/** The speaker of the sentence containing `needle`, as the source gives the name. */
function speakerOf(text: string, needle: string): string | undefined {
  const doc = analyseDocument('doc', text);
  const at = locate(text, needle).start;
  const index = doc.sentences.findIndex((s) => s.start <= at && at < s.end);
  expect(index).toBeGreaterThanOrEqual(0);
  return attributeSentence(doc, index)?.person.fullName;
}

describe('who a sentence is given to', () => {
  it('reads the seed cues: signatures, pronouns, honorifics and full names', () => {
    const pursues = seed(PURSUES).text;
    const undercut = seed(UNDERCUT).text;
    expect(speakerOf(pursues, 'This is why the United States')).toBe('Frank A. Rose');
    expect(speakerOf(pursues, 'He notes close cooperation')).toBe('Frank A. Rose');
    // "she" in the Gottemoeller part resolves to the only woman with an honorific, spelled as in her full name.
    expect(speakerOf(pursues, 'Implementation of the NEW STARY')).toBe('Rose Gottemoeller');
    expect(speakerOf(undercut, 'also cannot agree to Russia’s proposal')).toBe('Ellen Tauscher');
    // A quotation signed on the next line.
    expect(speakerOf(undercut, 'It presents an opportunity')).toBe('Ellen Tauscher');
  });

  it('resolves "he" to the most recently mentioned man when there are several', () => {
    const text =
      'Mr. Adams opened the talks in Paris. Mr. Baker spoke next about the shield.\n\n' +
      'The plan cannot be changed now, he said.\n\nJohn Adams and Carl Baker met again later.';
    expect(speakerOf(text, 'The plan cannot')).toBe('Carl Baker');
  });

  it('leaves a pronoun unresolved when its paragraph names someone else first', () => {
    const text =
      'Ms. Tauscher spoke in Moscow.\n\nMina Fabulous is the pen name of Carmen Avalino. When she writes, she says it is hard.';
    expect(speakerOf(text, 'When she writes')).toBeUndefined();
  });

  it('does not guess a speaker it cannot name', () => {
    const text = 'Frank Rose spoke in Paris.\n\n"Russia is not being asked to blindly trust us," the U.S. diplomat said.';
    expect(speakerOf(text, 'Russia is not being asked')).toBeUndefined();
  });

  it('does not take an organisation or a place for a person', () => {
    expect(speakerOf('The talks went on. Moscow said the talks would go on.', 'Moscow said')).toBeUndefined();
    expect(speakerOf('The United States stressed that the talks would go on.', 'United States stressed')).toBeUndefined();
  });

  it('ignores speech verbs inside a quotation', () => {
    const text =
      'Mr. Rose spoke.\n\n“When President Obama spoke, he said that “we welcome Russia’s cooperation.” -Mr. Rose';
    expect(speakerOf(text, 'When President Obama')).toBe('Rose');
  });
});

describe('attribution suggestions on synthetic copies', () => {
  const statement = 'Missile defense cooperation would send a strong message to proliferators everywhere';
  const make = (a: string, b: string) => {
    const sources = [
      { id: 'outlet-a', text: a },
      { id: 'outlet-b', text: b },
    ];
    const p: ReusePassage = {
      a: { source: 'outlet-a', ...locate(a, statement) },
      b: { source: 'outlet-b', ...locate(b, statement) },
      words: 12,
      similarity: 1,
      boilerplate: false,
    };
    return suggestInconsistencies(sources, [p]);
  };

  it('suggests different speakers', () => {
    const found = make(
      `Deputy Secretary Frank Rose spoke in Paris.\n\n${statement}, Mr. Rose stressed.`,
      `Special envoy Ellen Tauscher spoke in Moscow.\n\n${statement}, Ms. Tauscher stressed.`,
    );
    expect(found.map((s) => s.category)).toEqual(['attribution']);
    // The summary opens the statement, so suggestions on one pair of sources differ.
    expect(found[0].summary).toMatch(/^Statement “\S+( \S+){8}…” given to Frank Rose in outlet-a and to Ellen Tauscher in outlet-b$/);
    expect(found[0].summary).toContain(statement.split(' ').slice(0, 5).join(' '));
  });

  it('does not suggest the same person named in two ways', () => {
    expect(make(`Frank A. Rose spoke.\n\n${statement}, he said.\n\nMr. Rose left.`, `${statement}, Frank Rose said in remarks.`)).toEqual([]);
  });

  it('does not suggest when one side gives no speaker', () => {
    expect(make(`${statement}, Mr. Rose stressed.`, `${statement}.`)).toEqual([]);
  });

  it('tells apart two people sharing a surname by their first names', () => {
    const found = make(`${statement}, Frank Rose said.`, `${statement}, Anna Rose said.`);
    expect(found.map((s) => s.evidence.map((e) => e.value))).toEqual([['Frank Rose', 'Anna Rose']]);
  });
});
