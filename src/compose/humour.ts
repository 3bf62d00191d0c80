import { UsageError } from '../errors.js';
import type { Incident } from '../incident/schema.js';

export interface HumourDecision {
  on: boolean;
  /** Said on stderr when the user asked for humour where it may hurt. */
  warning?: string;
}

const SENSITIVE = /\b(?:patients?|health|medical|clinic|hospital|diagnos\w*|results?|prescriptions?|surgery|dental|dentist|funeral|sympathy|condolences?|memorial|bereave\w*|grief|wedding|christening|baptism|anniversary|once[- ]in[- ]a[- ]lifetime)\b/i;
// Not "wreath" alone: a Christmas wreath is no loss (a funeral's wreath comes with the funeral, sympathy…).
const GRIEF = /\b(?:funeral|sympathy|condolences?|memorial|bereave\w*|grief|grieving)\b/i;
const WEDDING = /\bwedding\b/i;
const CELEBRATION = /\b(?:christening|baptism|anniversary|once[- ]in[- ]a[- ]lifetime)\b/i;
const HEALTH = /\b(?:patients?|health|medical|clinic|hospital|diagnos\w*|prescriptions?|surgery|dental|dentist)\b/i;

type SensitiveFacts = Pick<Incident, 'mistake' | 'rootCause' | 'summary' | 'people'> & { remedy?: { details?: string } };

const factsText = (i: SensitiveFacts): string => [i.mistake, i.rootCause, i.summary ?? '', i.remedy?.details ?? '', i.people.many].join(' ');

/** Health, grief or a once-in-a-lifetime day: no joke, whatever the severity. */
export function isSensitive(incident: SensitiveFacts): boolean {
  return SENSITIVE.test(factsText(incident));
}

/** Which sensitive occasion the letter is about: 'grief', 'wedding', 'celebration', 'health' or ''. */
export function occasionOf(incident: SensitiveFacts): string {
  const t = factsText(incident);
  return GRIEF.test(t) ? 'grief' : WEDDING.test(t) ? 'wedding' : CELEBRATION.test(t) ? 'celebration' : HEALTH.test(t) ? 'health' : '';
}

/** The wrong item breaks a diet, a faith or an allergy: serious, never a joke, never "keep it". */
// Nuts as food only ("peanuts", "tree nuts", "nut-free"): "nuts and bolts" are hardware.
const DIETARY = /\b(?:vegetarian|vegan|halal|kosher|allerg\w*|gluten|coeliac|celiac|peanuts?|tree nuts|nut[- ]free|dairy|lactose|shellfish|meat|pork|beef|chicken|bacon|ham|gelatine?|alcohol|anaphyla\w*|intoleran\w*)\b/i;
/** An allergen, as opposed to a diet or a faith: the letter says to check for symptoms. */
const ALLERGY = /\b(?:allerg\w*|gluten|coeliac|celiac|peanuts?|tree nuts|nut[- ]free|dairy|lactose|shellfish|anaphyla\w*|intoleran\w*)\b/i;

/** Whether a wrong item's harm is dietary/ethical/religious ('diet'), an allergen ('allergy'), or neither (''). */
export function dietaryHarm(scenario: string, text: string): '' | 'diet' | 'allergy' {
  if (scenario !== 'wrong-item' || !DIETARY.test(text)) return '';
  if (ALLERGY.test(text)) return 'allergy';
  // fit11: a meat named with no diet or faith said ("the chicken tikka kit instead of the mushroom risotto") is a
  // swapped recipe, not a broken diet: no "don't eat it", no "what you eat is your choice".
  return DIET_STATED.test(text) ? 'diet' : '';
}
/** A diet or a faith the mistake broke, said in the facts (not a meat named alone). */
const DIET_STATED = /\b(?:vegetarian|vegan|halal|kosher|meat[- ]free|plant[- ]based|pescatarian|no (?:meat|pork|beef|alcohol)|without (?:meat|pork|beef|alcohol)|religio\w*|faith|gelatine?|alcohol)\b/i;

/** Scenarios that never joke, whatever is asked. */
export const NEVER_FUNNY = new Set(['data-exposure']);

/**
 * Humour follows severity: auto is on for minor and moderate, off for major and
 * critical; asking for it on a critical incident, a data exposure or a business
 * audience is refused.
 */
export function decideHumour(incident: Incident): HumourDecision {
  const { humour, severity, scenario } = incident;
  if (humour === 'off') return { on: false };
  if (incident.audience === 'business') {
    if (humour === 'on') {
      throw new UsageError(
        'humour is refused for a business audience: a business letter is plain and factual',
        'drop --humour (or set humour: off), or use --audience consumer if the letter goes to people',
      );
    }
    return { on: false };
  }
  if (NEVER_FUNNY.has(scenario)) {
    if (humour === 'on') {
      throw new UsageError(
        `humour is refused for a ${scenario} incident: people whose data was exposed need facts, not jokes`,
        'drop --humour (or set humour: off)',
      );
    }
    return { on: false };
  }
  // Grief, health or a wedding: the built-in letters tell no joke (and the brief promises none).
  const sensitive = isSensitive(incident) || dietaryHarm(scenario, [incident.mistake, incident.summary ?? ''].join(' ')) !== '';
  if (humour === 'auto') return { on: !sensitive && (severity === 'minor' || severity === 'moderate') };
  if (severity === 'critical') {
    throw new UsageError(
      'humour is refused for a critical incident: a joke there reads as not taking the harm seriously',
      'drop --humour, use --no-humour, or lower --severity if the harm really is small',
    );
  }
  if (sensitive) return { on: false, warning: 'humour is left out: this incident touches health, grief or a once-in-a-lifetime day' };
  if (severity === 'major') {
    return { on: true, warning: 'humour on a major incident can read as flippant; consider --no-humour' };
  }
  return { on: true };
}

