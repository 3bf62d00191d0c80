import { checkApology, type CheckReport } from './score.js';
import { analyseText } from './text.js';
import { createComposer } from '../compose/compose.js';
import { ApologizeError } from '../errors.js';
import { REMEDY_KINDS, SEVERITIES, type Severity } from '../incident/schema.js';
import { validateIncident } from '../incident/validate.js';
import { recipientFromMailbox, type Recipient } from '../recipients/recipient.js';
import type { Stage } from '../message.js';
import type { TemplateLibrary } from '../templates/library.js';

export interface LintProblem {
  template: string;
  stage: Stage;
  severity?: Severity;
  message: string;
}

export interface LintResult {
  problems: LintProblem[];
  reports: { template: string; stage: Stage; severity: Severity; sample: string; report: CheckReport; text: string; subject: string }[];
}

/** Sample facts for rendering every template the way a real incident would. */
function sampleIncident(scenario: string, severity: Severity, i: number) {
  return validateIncident({
    company: { name: 'Sample & Co', from: 'Sample & Co <care@sample.example>', phone: '+1 555 0100', email: 'help@sample.example' },
    signer: { name: "Siobhán O'Brien", title: 'Head of Customer Care' },
    scenario,
    severity,
    mistake: 'your order left our warehouse three days late',
    affected: i % 2 === 0 ? 13482 : 1,
    rootCause: 'a scheduling change in our warehouse system held back a day of orders',
    commitment: 'we retrained the night shift and added a second check on every held order',
    remedy: { kind: REMEDY_KINDS[i % REMEDY_KINDS.length]!, details: i % 3 === 0 ? undefined : 'a $10 credit on your next order' },
    humour: scenario === 'data-exposure' || severity === 'critical' ? 'off' : 'auto',
    followUp: i % 2 === 0 ? { after: '2d' } : undefined,
  });
}

const SAMPLE_RECIPIENTS: { label: string; recipient: Recipient }[] = [
  { label: 'named, one order', recipient: recipientFromMailbox('zoe@example.com', 'Zoë Müller', { order_id: 'A-1001' }) },
  { label: 'no name', recipient: recipientFromMailbox('anon@example.com', '') },
  {
    label: 'three orders',
    recipient: (() => {
      const r = recipientFromMailbox('ana@example.com', 'Ana Ruiz', { order_id: 'B-1' });
      r.orders = ['B-1', 'B-2', 'B-3'].map((order_id) => ({ ...r.fields, order_id }));
      return r;
    })(),
  },
];

/**
 * Renders each template at each severity with sample recipients (strict mode
 * catches unknown variables) and checks every result against the pattern.
 */
export function lintTemplates(library: TemplateLibrary, names?: string[]): LintResult {
  const problems: LintProblem[] = [];
  const reports: LintResult['reports'] = [];
  const list = library.list().filter((t) => !names || names.includes(t.name));
  for (const t of list) {
    for (const stage of t.stages) {
      SEVERITIES.forEach((severity, i) => {
        let compose;
        try {
          compose = createComposer(sampleIncident(t.name, severity, i), library, { now: new Date('2026-07-08T09:00:00Z'), stage });
        } catch (err) {
          if (!(err instanceof ApologizeError)) throw err;
          problems.push({ template: t.name, stage, severity, message: err.message });
          return;
        }
        for (const { label, recipient } of SAMPLE_RECIPIENTS) {
          try {
            const msg = compose(recipient);
            const report = checkApology(analyseText(msg.text, 1, msg.subject), { file: `${t.name}${stage === 'followup' ? '.followup' : ''} (${severity}, ${label})`, severity });
            reports.push({ template: t.name, stage, severity, sample: label, report, text: msg.text, subject: msg.subject });
          } catch (err) {
            if (!(err instanceof ApologizeError)) throw err;
            problems.push({ template: t.name, stage, severity, message: err.message });
          }
        }
      });
    }
  }
  return { problems, reports };
}
