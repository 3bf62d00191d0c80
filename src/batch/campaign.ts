import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import type { Incident } from '../incident/schema.js';
import { canonicalJson, identityFacts, incidentId } from '../incident/validate.js';
import { Journal, readJournal, type FactsPrint, type JournalState } from '../mail/journal.js';
import { lockJournal } from '../mail/journal-lock.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The incident's facts (everything but its id) as one hash, and one hash per field path. */
export function factsPrint(incident: Incident): FactsPrint {
  const facts = identityFacts(incident);
  const fields: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    fields[path] = sha(canonicalJson(value)).slice(0, 12);
  };
  walk(facts, '');
  return { facts: sha(canonicalJson(facts)).slice(0, 16), fields };
}

/** Field paths whose value differs (added, removed or changed), sorted. */
export function changedFields(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

/** One campaign: the incident id its messages carry, what its journals say, and what changed since. */
export interface Campaign {
  /** The incident id for Message-IDs: the journal's, whatever changed in the facts since. */
  id: string;
  facts: FactsPrint;
  /** Fields changed since the journal last recorded the facts. */
  changed: string[];
  journal?: JournalState;
  onlySent?: JournalState;
  release(): void;
}

export interface CampaignOptions {
  /** --journal: locked for the run, read, written later by startJournal. */
  journal?: string;
  /** --only-sent: the apology run's journal (the same file as --journal is read once). */
  onlySent?: string;
  perRow: boolean;
}

/** Locks and reads the journals, and settles the incident id. Release it in a finally. */
export function openCampaign(incident: Incident, o: CampaignOptions): Campaign {
  const release = o.journal ? lockJournal(o.journal) : () => {};
  try {
    const journal = o.journal ? readJournal(o.journal) : undefined;
    const onlySent = o.onlySent ? (o.onlySent === o.journal ? journal! : readJournal(o.onlySent, true)) : undefined;
    const recorded = [journal, onlySent].filter((j): j is JournalState => Boolean(j?.campaign?.incident));
    const [first, second] = recorded;
    if (first && second && first.campaign!.incident !== second.campaign!.incident) {
      throw new UsageError(
        `${first.path} is the journal of incident ${first.campaign!.incident}, ${second.path} of incident ${second.campaign!.incident}`,
        'give the --journal and --only-sent of one campaign',
      );
    }
    if (first && incident.id && incident.id !== first.campaign!.incident) {
      throw new UsageError(
        `${first.path} records the campaign of incident ${first.campaign!.incident}, but this incident's id is ${incident.id}`,
        `use a new --journal for a new incident, or set id: ${first.campaign!.incident} to continue that campaign`,
      );
    }
    const perRowBefore = journal?.campaign?.perRow;
    if (journal?.facts && perRowBefore !== undefined && perRowBefore !== o.perRow) {
      throw new UsageError(
        `${journal.path} records a campaign of one message ${perRowBefore ? 'per row (--per-row)' : 'per customer'}`,
        perRowBefore ? 'add --per-row, as in the earlier runs' : 'drop --per-row, as in the earlier runs',
      );
    }
    const facts = factsPrint(incident);
    const before = journal?.facts ?? onlySent?.facts;
    return {
      id: first?.campaign!.incident ?? incidentId(incident),
      facts,
      changed: before && before.facts !== facts.facts ? changedFields(before.fields, facts.fields) : [],
      journal,
      onlySent,
      release,
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens the journal for writing: repairs a torn line, records the campaign (first line) or the new facts. */
export function startJournal(c: Campaign, perRow: boolean): Journal {
  const state = c.journal!;
  const journal = new Journal(state.path, state);
  if (!state.facts) journal.header('campaign', { incident: c.id, facts: c.facts.facts, fields: c.facts.fields, perRow });
  else if (state.facts.facts !== c.facts.facts) journal.header('facts', { facts: c.facts.facts, fields: c.facts.fields });
  return journal;
}

/** The one stderr line about changed facts. */
export function changedLine(c: Campaign): string | undefined {
  if (c.changed.length === 0) return undefined;
  const shown = c.changed.length > 8 ? [...c.changed.slice(0, 8), `${c.changed.length - 8} more`] : c.changed;
  return `apologize: the incident changed since the journal last recorded it (${shown.join(', ')}): customers already sent are skipped, the rest get the new text; Message-IDs keep incident id ${c.id}`;
}
