// The German, French and Spanish text rules an English letter never runs: the typed-text fixes
// (./typed.ts), the notes made sentences (./notes-de|fr|es.ts), shorthand written out
// (./shorthand-i18n.ts) and the writer's advice in those languages (../incident/advice-i18n.ts).
// Reached only through ./i18n-load.ts: the built CLI has this module as a script of its own
// (dist/chunks/text-i18n.cjs, scripts/build.mjs), read the first time a letter or an incident in
// one of those languages needs it.
export { expandAbbreviations, formalRegister, framedCause, frenchTypography, germanCapitals, germanToReader, localQuotes, longTypedDates, outcomeNote, splitSplices } from './typed.js';
export { germanNote, type NoteRoleI18n } from './notes-de.js';
export { frenchNote } from './notes-fr.js';
export { spanishNote } from './notes-es.js';
export { groupToReader, plusAsAnd, writtenOut } from './shorthand-i18n.js';
export { adviseInLanguage } from '../incident/advice-i18n.js';
