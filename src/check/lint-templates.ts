import { checkApology, type CheckReport } from './score.js';
import { analyseText } from './text.js';
import { createComposer } from '../compose/compose.js';
import { ApologizeError } from '../errors.js';
import { REMEDY_KINDS, SEVERITIES, type Severity } from '../incident/schema.js';
import { validateIncident } from '../incident/validate.js';
import { recipientFromMailbox, type Recipient } from '../recipients/recipient.js';
import type { Stage } from '../message.js';
import type { TemplateLibrary } from '../templates/library.js';
import { languageOf } from '../text/locale.js';

export interface LintProblem {
  /** The letters' locale ("en", "de"…). */
  locale?: string;
  template: string;
  stage: Stage;
  severity?: Severity;
  message: string;
}

export interface LintResult {
  problems: LintProblem[];
  reports: { locale?: string; template: string; stage: Stage; severity: Severity; sample: string; report: CheckReport; text: string; subject: string }[];
}

/** Sample facts for rendering every template the way a real incident would. */
/** The sample's free text in each built-in language (a template is rendered with text in its own language). */
const SAMPLE_TEXT: Record<string, { mistake: string; rootCause: string; commitment: string; details: string }> = {
  en: { mistake: 'your order left our warehouse three days late', rootCause: 'a scheduling change in our warehouse system held back a day of orders', commitment: 'we retrained the night shift and added a second check on every held order', details: 'a $10 credit on your next order' },
  de: { mistake: 'Ihre Bestellung hat unser Lager drei Tage zu spät verlassen', rootCause: 'eine Umstellung in unserem Lagersystem hat die Bestellungen eines Tages zurückgehalten', commitment: 'wir haben die Nachtschicht geschult und prüfen jede zurückgehaltene Bestellung ein zweites Mal', details: 'eine Gutschrift von 10 € für Ihre nächste Bestellung' },
  fr: { mistake: 'votre commande a quitté notre entrepôt avec trois jours de retard', rootCause: 'un changement de planification dans notre entrepôt a bloqué les commandes d’une journée', commitment: 'nous avons formé l’équipe de nuit et ajouté un second contrôle sur chaque commande bloquée', details: 'un avoir de 10 € sur votre prochaine commande' },
  es: { mistake: 'su pedido salió de nuestro almacén con tres días de retraso', rootCause: 'un cambio de planificación en nuestro almacén retuvo los pedidos de un día', commitment: 'hemos formado al turno de noche y añadido un segundo control a cada pedido retenido', details: 'un saldo de 10 € para su próximo pedido' },
};

function sampleIncident(scenario: string, severity: Severity, i: number, locale = 'en') {
  const text = SAMPLE_TEXT[languageOf(locale)] ?? SAMPLE_TEXT.en!;
  return validateIncident({
    locale,
    company: { name: 'Sample & Co', from: 'Sample & Co <care@sample.example>', phone: '+1 555 0100', email: 'help@sample.example' },
    signer: { name: "Siobhán O'Brien", title: 'Head of Customer Care' },
    scenario,
    severity,
    mistake: text.mistake,
    affected: i % 2 === 0 ? 13482 : 1,
    rootCause: text.rootCause,
    commitment: text.commitment,
    remedy: { kind: REMEDY_KINDS[i % REMEDY_KINDS.length]!, details: i % 3 === 0 ? undefined : text.details },
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
export function lintTemplates(library: TemplateLibrary, names?: string[] | 'custom', locales: readonly string[] = ['en']): LintResult {
  const problems: LintProblem[] = [];
  const reports: LintResult['reports'] = [];
  for (const locale of locales) lintLocale(locale === library.locale ? library : library.forLocale(locale), locale, names, problems, reports);
  return { problems, reports };
}

/** Every template of one locale, rendered and checked (a non-English letter is rendered, not scored). */
function lintLocale(library: TemplateLibrary, locale: string, names: string[] | 'custom' | undefined, problems: LintProblem[], reports: LintResult['reports']): void {
  library.checkPartials(); // every partial of the locale, used or not
  const list = library.list().filter((t) => (names === 'custom' ? t.origin === 'custom' : !names || names.includes(t.name)));
  for (const t of list) {
    for (const stage of t.stages) {
      SEVERITIES.forEach((severity, i) => {
        let compose;
        let incident;
        try {
          incident = sampleIncident(t.name, severity, i, locale);
          compose = createComposer(incident, library, { now: new Date('2026-07-08T09:00:00Z'), stage });
        } catch (err) {
          if (!(err instanceof ApologizeError)) throw err;
          problems.push({ locale, template: t.name, stage, severity, message: err.message });
          return;
        }
        for (const { label, recipient } of SAMPLE_RECIPIENTS) {
          try {
            const msg = compose(recipient);
            const where = locale === 'en' ? '' : `${locale}/`;
            const report = checkApology(analyseText(msg.text, 1, msg.subject), { file: `${where}${t.name}${stage === 'followup' ? '.followup' : ''} (${severity}, ${label})`, severity });
            // An incident with no follow-up typed gets no promise (the letters never promise one without a date).
            if (!incident!.followUp) report.findings = report.findings.filter((f) => f.rule !== 'no-follow-up');
            reports.push({ locale, template: t.name, stage, severity, sample: label, report, text: msg.text, subject: msg.subject });
          } catch (err) {
            if (!(err instanceof ApologizeError)) throw err;
            problems.push({ locale, template: t.name, stage, severity, message: err.message });
          }
        }
      });
    }
  }
}
