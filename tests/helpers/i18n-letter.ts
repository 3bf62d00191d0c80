import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { incidentWarnings, validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';

const library = new TemplateLibrary();
export const I18N_NOW = new Date('2026-11-26T09:00:00Z');

/**
 * One German, French or Spanish letter, composed in-process for a small bike shop's incident
 * with the given fields over it: its subject, text, both, and the writer's warnings.
 */
export function i18nLetter(input: Partial<IncidentInput> & { locale: string }, to = 'Sabine Müller <s@example.de>', stage: 'apology' | 'followup' = 'apology', salutation?: string) {
  const incident = validateIncident({
    company: { name: 'Radhaus Becker', phone: '030 555 123' },
    signer: { name: 'Tom Becker', title: 'Inhaber' },
    scenario: 'generic',
    severity: 'moderate',
    mistake: 'x',
    affected: 6,
    rootCause: 'x',
    commitment: 'x',
    remedy: { kind: 'none' },
    ...input,
  } as IncidentInput);
  const m = /^(.*) <(.*)>$/u.exec(to)!;
  const r = recipientFromMailbox(m[2]!, m[1]!, salutation ? { salutation } : {});
  const msg = createComposer(incident, library, { now: I18N_NOW, stage })(r);
  return { subject: msg.subject, text: msg.text, all: `${msg.subject}\n${msg.text}`, warnings: incidentWarnings(incident, I18N_NOW) };
}
