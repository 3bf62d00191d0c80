/**
 * apologize as a library: compose apology messages from an incident and a
 * recipient without the CLI.
 *
 *   import { TemplateLibrary, parseIncident, composeMessage, toRfc5322 } from 'apologize';
 *   const incident = parseIncident({ company: { name: 'Acme', from: 'Acme <care@acme.example>' }, … });
 *   const eml = toRfc5322(composeMessage(incident, { email: 'ana@example.com', name: 'Ana Ruiz' }));
 */
import { createComposer } from './compose/compose.js';
import type { Incident, IncidentInput } from './incident/schema.js';
import { validateIncident } from './incident/validate.js';
import { recipientFromMailbox, NOBODY, type Recipient } from './recipients/recipient.js';
import type { Message, Stage } from './message.js';
import { TemplateLibrary } from './templates/library.js';

export { Incident, SEVERITIES, REMEDY_KINDS, HUMOUR_MODES, BUILTIN_SCENARIOS, AUDIENCES, COMMITMENT_STATUSES, EXPOSURE_KINDS } from './incident/schema.js';
export type { IncidentInput, Severity, RemedyKind, HumourMode, Audience, CommitmentStatus, ExposureKind, PeopleNoun } from './incident/schema.js';
export { validateIncident, incidentId, missingFields } from './incident/validate.js';
export { createComposer, messageIdFor, tidyBody } from './compose/compose.js';
export type { Composer, ComposerOptions } from './compose/compose.js';
export { decideHumour } from './compose/humour.js';
export { TemplateLibrary } from './templates/library.js';
export type { CompiledTemplate, TemplateInfo } from './templates/library.js';
export { toRfc5322, toText, toJsonObject, toJsonLine, headerPairs } from './mail/rfc5322.js';
export { parseMailbox, addressProblem } from './mail/address.js';
export type { Mailbox, Message, Stage } from './message.js';
export { recipientFromMailbox, firstNameOf } from './recipients/recipient.js';
export type { Recipient } from './recipients/recipient.js';
export { ApologizeError, UsageError, InputError, TemplateError, InterruptError } from './errors.js';

/** Validates plain facts into an Incident (throws InputError/UsageError naming the field). */
export function parseIncident(input: IncidentInput, opts: { requireFrom?: boolean } = {}): Incident {
  return validateIncident(input, { requireFrom: opts.requireFrom ?? true });
}

/** Loads the template library: built-ins, shadowed by `templatesDir` file by file. */
export function loadTemplates(templatesDir?: string): TemplateLibrary {
  return new TemplateLibrary(templatesDir);
}

export interface ComposeMessageOptions {
  templates?: TemplateLibrary;
  stage?: Stage;
  now?: Date;
}

/** Composes one message for one recipient (`{email, name}` or a full Recipient), or for nobody. */
export function composeMessage(
  incident: Incident,
  recipient?: { email: string; name?: string; fields?: Record<string, string> } | Recipient,
  opts: ComposeMessageOptions = {},
): Message {
  const composer = createComposer(incident, opts.templates ?? new TemplateLibrary(), {
    stage: opts.stage ?? 'apology',
    now: opts.now ?? new Date(),
  });
  if (!recipient) return composer(NOBODY);
  const full = 'key' in recipient ? recipient : recipientFromMailbox(recipient.email, recipient.name ?? '', recipient.fields ?? {});
  return composer(full);
}
