import { UsageError } from '../errors.js';
import type { Incident } from '../incident/schema.js';
import { missingTranslations } from '../incident/localize.js';
import { NOBODY, type Recipient } from '../recipients/recipient.js';
import type { TemplateLibrary } from '../templates/library.js';
import { languageOf, nearestLocale } from '../text/locale.js';
import { createComposer, type Composer, type ComposerOptions } from './compose.js';

/**
 * Letters in each customer's language: a recipient's `locale` column picks the
 * composer (one per locale, made before the first message and kept, so each
 * keeps its own cached shapes); an empty cell gets the incident's own.
 */

/** What a pre-pass found in the `locale` column: each distinct cell value, with how many customers have it. */
export type FoundLocales = ReadonlyMap<string, number>;

export interface LocaleSetup {
  /**
   * `--fallback-locale`: customers whose language lacks a translation of the incident's text
   * get the letter in this locale (true: the incident's own) instead of stopping the run.
   */
  fallback?: string | true;
  /** The composer already made for the incident's own locale with the same options: used, not made again. */
  base?: Composer;
}

export interface LocaleComposer {
  composer: Composer;
  /** One line each for the person running it (at most two: unknown locales, fallbacks). */
  warnings: string[];
}

/**
 * Which `locale` cell values a warning counts the customers of: a locale with no letters, or
 * (with a fallback) one whose language lacks the incident's text. The others need no count.
 */
export function localeCounts(incident: Incident, library: TemplateLibrary, setup: LocaleSetup = {}): (raw: string) => boolean {
  const available = library.locales();
  const own = nearestLocale(incident.locale, available)?.tag;
  return (raw) => {
    if (raw.trim() === '') return false;
    const letter = nearestLocale(raw, available);
    if (!letter) return true;
    return setup.fallback !== undefined && letter.tag !== own && missingTranslations(incident, letter.tag).length > 0;
  };
}

/**
 * The composer for a batch whose CSV has a `locale` column. Every locale found is
 * resolved and its composer made now: a missing translation is a UsageError
 * before anything is written (unless `fallback`), an unknown locale falls back to
 * the incident's with one warning naming how many customers.
 */
export function localeComposer(incident: Incident, library: TemplateLibrary, opts: ComposerOptions, found: FoundLocales, setup: LocaleSetup = {}): LocaleComposer {
  const base = setup.base ?? createComposer(incident, library, opts);
  const available = library.locales();
  const byTag = new Map<string, Composer>([[base.locale.tag, base]]);
  const byRaw = new Map<string, Composer>();
  const unknown = new Map<string, number>();
  const fellBack = new Map<string, number>();
  let fallbackComposer: Composer | undefined;
  const fallback = (): Composer => {
    if (fallbackComposer) return fallbackComposer;
    if (setup.fallback === true || setup.fallback === undefined) return (fallbackComposer = base);
    const letter = nearestLocale(setup.fallback, available);
    if (!letter) throw new UsageError(`--fallback-locale ${setup.fallback} has no letters`, `use one of: ${available.join(', ')}`);
    const missing = missingTranslations(incident, letter.tag);
    if (missing.length > 0) throw new UsageError(`--fallback-locale ${setup.fallback}: fields.${languageOf(letter.tag)} has no ${missing.join(', ')}`, 'add them, or fall back to the incident\'s own language (--fallback-locale with no value)');
    return (fallbackComposer = byTag.get(letter.tag) ?? createComposer(incident, library, { ...opts, locale: letter.tag }));
  };

  for (const [raw, customers] of found) {
    if (raw.trim() === '') continue;
    const letter = nearestLocale(raw, available);
    if (!letter) {
      unknown.set(raw.trim(), (unknown.get(raw.trim()) ?? 0) + customers);
      byRaw.set(raw, base);
      continue;
    }
    let composer = byTag.get(letter.tag);
    if (!composer) {
      if (setup.fallback !== undefined && missingTranslations(incident, letter.tag).length > 0) {
        fellBack.set(letter.tag, (fellBack.get(letter.tag) ?? 0) + customers);
        byRaw.set(raw, fallback());
        continue;
      }
      composer = createComposer(incident, library, { ...opts, locale: letter.tag });
      byTag.set(letter.tag, composer);
    }
    byRaw.set(raw, composer);
  }

  const warnings: string[] = [];
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const listed = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ×${n}`).join(', ');
  if (unknown.size > 0) {
    const n = count(unknown);
    warnings.push(`${n} customer${n === 1 ? ' has a locale' : 's have locales'} with no letters (${listed(unknown)}); ${n === 1 ? 'that customer gets' : 'they get'} the incident's language (${base.locale.tag})`);
  }
  if (fellBack.size > 0) {
    const n = count(fellBack);
    warnings.push(`${n} customer${n === 1 ? ` (${listed(fellBack)}) gets` : `s (${listed(fellBack)}) get`} the ${fallback().locale.tag} letter: the incident has no translation for ${n === 1 ? 'that' : 'their'} language (--fallback-locale)`);
  }
  if (byRaw.size === 0 || [...byRaw.values()].every((c) => c === base)) return { composer: base, warnings };

  const composers = [...new Set(byRaw.values()), base];
  const dispatch = ((recipient: Recipient = NOBODY, inReplyTo?: string) => {
    const raw = recipient.fields.locale;
    const c = raw === undefined || raw === '' ? base : (byRaw.get(raw) ?? base);
    return c(recipient, inReplyTo);
  }) as Composer;
  Object.assign(dispatch, base);
  dispatch.humourLines = base.humourLines;
  dispatch.recipientColumns = new Set(composers.flatMap((c) => [...c.recipientColumns]));
  dispatch.requiredColumns = new Set(composers.flatMap((c) => [...c.requiredColumns]));
  dispatch.readColumns = composers.every((c) => c.readColumns) ? new Set(composers.flatMap((c) => [...c.readColumns!])) : undefined;
  return { composer: dispatch, warnings };
}
