// The German, French and Spanish text rules an English letter never runs: the typed-text fixes
// (../text/typed.ts), the notes made sentences (../text/notes-de|fr|es.ts), shorthand written out
// (../text/shorthand-i18n.ts) and the writer's advice in those languages (./advice-i18n.ts).
// Reached only through ./i18n-load.ts: the built CLI has this module as a script of its own
// (dist/chunks/text-i18n.cjs, scripts/build.mjs), read the first time a letter or an incident in
// one of those languages needs it.
export { expandAbbreviations, formalRegister, framedCause, frenchTypography, germanCapitals, germanToReader, localQuotes, longTypedDates, outcomeNote, splitSplices } from '../text/typed.js';
export { germanNote, type NoteRoleI18n } from '../text/notes-de.js';
export { frenchNote } from '../text/notes-fr.js';
export { spanishNote } from '../text/notes-es.js';
export { groupToReader, plusAsAnd, writtenOut } from '../text/shorthand-i18n.js';
export { adviseInLanguage } from './advice-i18n.js';
export { meaningKept, negatedRequest, quietEmphasis } from '../text/emphasis-i18n.js';
export { readerAsYou, frenchReaderForms } from '../text/reader-i18n.js';
export { germanNoun } from '../text/nouns-de.js';
export { commitmentI18n } from '../text/commitments-i18n.js';
export { nounLinks } from '../text/noun-links.js';
export { germanWeDid } from '../text/noun-links.js';
