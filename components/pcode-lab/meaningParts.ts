/**
 * An instruction's meaning may mark code inside it with backticks ("压入 `a div b`"), so a table can
 * set those parts in code type and an audit of a Chinese page can tell code from prose.
 */
export interface MeaningPart {
  readonly code: boolean;
  readonly text: string;
}

/** The parts of a meaning: text outside backticks is prose, text inside is code. */
export function meaningParts(meaning: string): MeaningPart[] {
  return meaning
    .split('`')
    .map((text, i) => ({ code: i % 2 === 1, text }))
    .filter((part) => part.text !== '');
}

/** The meaning as plain text (for places that are all code already). */
export function plainMeaning(meaning: string): string {
  return meaning.replaceAll('`', '');
}
