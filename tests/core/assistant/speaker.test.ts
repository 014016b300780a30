import { describe, it, expect } from 'vitest';
import { analyseDocument } from '../../../core/inconsistency/document';
import { sentenceSpeakers } from '../../../core/assistant/speaker';

/** The speaker name of each sentence of `text`. */
function speakersOf(text: string): (string | undefined)[] {
  const doc = analyseDocument('t', text);
  return sentenceSpeakers(doc).map((s) => s?.name);
}

describe('who a sentence is given to', () => {
  it('reads an appositive subject and a role before the name', () => {
    expect(speakersOf('Ambassador Liesl Vanterpool, who chairs the group, said she was hopeful.')).toEqual(['Liesl Vanterpool']);
    expect(speakersOf("The council's finance director, Glen Abernathy, said the debt was fixed.")).toEqual(['Glen Abernathy']);
  });

  it('names an organisation as subject or source, but not a common noun opening the sentence', () => {
    expect(speakersOf('Fietsnet says it expects a million trips.')).toEqual(['Fietsnet']);
    // An unnamed source stays unknown rather than guessed.
    expect(speakersOf('Rainfall was 40 percent below average, according to the national weather service.')).toEqual([undefined]);
    expect(speakersOf('Rainfall was low, according to the campaign group Water Watch.')).toEqual(['Water Watch']);
    expect(speakersOf('Observers said at least 27 countries agree.')).toEqual([undefined]);
  });

  it('gives "he said" and the rest of a quotation to the speaker named just before', () => {
    const named = 'Marine biologist Dr Oyelaran Festus-Coker said the zone was vast.\n"We saw it once. It was gone," he said.\nHe pointed out that nobody knew.';
    expect(speakersOf(named)).toEqual(['Oyelaran Festus-Coker', 'Oyelaran Festus-Coker', 'Oyelaran Festus-Coker', 'Oyelaran Festus-Coker']);
    // Nobody named before: "he said" stays unknown.
    expect(speakersOf('The zone is vast.\n"We saw it once," he said.')).toEqual([undefined, undefined]);
  });
});
