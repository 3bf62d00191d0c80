import { UsageError } from '../errors.js';
import type { Incident } from '../incident/schema.js';

export interface HumourDecision {
  on: boolean;
  /** Said on stderr when the user asked for humour where it may hurt. */
  warning?: string;
}

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
  if (humour === 'auto') return { on: severity === 'minor' || severity === 'moderate' };
  if (severity === 'critical') {
    throw new UsageError(
      'humour is refused for a critical incident: a joke there reads as not taking the harm seriously',
      'drop --humour, use --no-humour, or lower --severity if the harm really is small',
    );
  }
  if (severity === 'major') {
    return { on: true, warning: 'humour on a major incident can read as flippant; consider --no-humour' };
  }
  return { on: true };
}

