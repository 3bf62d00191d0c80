/**
 * spell16: the names an incident gives with their capitals: each word of the company's and the signer's
 * names, and each capitalised word inside its text fields that no sentence starts with ("the Fluxo app",
 * "our Brightside plan"). Typed in lower case elsewhere they get their capitals back, and the spelling
 * check (text/spelling.ts) never corrects them.
 */
/** What names are read from: the incident, before or after the schema. */
export interface NamedIncident {
  company: { name: string };
  signer: { name: string };
  mistake?: string;
  rootCause?: string;
  commitment?: string;
  summary?: string;
  when?: string;
  outcome?: string;
  action?: string;
  remedy?: { details?: string };
  exposure?: { discovered?: string; contained?: string; regulator?: string };
}

/** The names, sorted (one key for the per-field cache, whichever field asks). */
export function incidentNames(incident: NamedIncident): string[] {
  const names = new Set<string>();
  for (const whole of [incident.company.name, incident.signer.name]) {
    for (const w of whole.match(/\p{Lu}\p{Ll}{2,}(?![\p{L}])/gu) ?? []) names.add(w);
  }
  const texts = [incident.mistake, incident.rootCause, incident.commitment, incident.summary, incident.when, incident.outcome, incident.action, incident.remedy?.details, incident.exposure?.discovered, incident.exposure?.contained, incident.exposure?.regulator];
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(/(?<![\p{L}\p{N}'’@./_-])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}'’@_-])/gu)) {
      // A capital a sentence starts with is no name ("Courier lost it. Warehouse…").
      if (/(?:^|[.!?:;]\s*|["“(]\s*|\n\s*)$/u.test(text.slice(0, m.index))) continue;
      names.add(m[0]);
    }
  }
  return [...names].sort();
}
