import { resolve } from 'node:path';
import { renderBrief } from '../brief/brief.js';
import { resolveNow } from '../compose/clock.js';
import { gatherIncident } from '../incident/resolve.js';
import { validateIncident } from '../incident/validate.js';
import { readJournal } from '../mail/journal.js';
import { TemplateLibrary } from '../templates/library.js';
import { incidentFromFlags, type IncidentFlags } from './incident-options.js';
import type { IO } from './io.js';
import { writeProduct } from './output.js';

export interface BriefCommandOptions extends IncidentFlags {
  journal?: string;
}

/** `apologize brief`: the internal note for the support team, in Markdown. */
export async function briefCommand(opts: BriefCommandOptions, io: IO): Promise<number> {
  const gathered = gatherIncident({ cwd: io.cwd, flags: incidentFromFlags(opts), incidentFile: opts.incident, configFile: opts.config, templatesDir: opts.templates });
  const incident = validateIncident(gathered.input, { source: gathered.source });
  const library = new TemplateLibrary(gathered.templatesDir);
  const journal = opts.journal ? { path: opts.journal, state: readJournal(resolve(io.cwd, opts.journal), true) } : undefined;
  await writeProduct(io, renderBrief(incident, library, { now: resolveNow(io.env), journal }));
  return 0;
}
