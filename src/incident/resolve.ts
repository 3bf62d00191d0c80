import { resolve } from 'node:path';
import { loadConfig, loadIncidentFile, mergeLayers } from './load.js';
import type { IncidentInput } from './schema.js';

export interface Gathered {
  input: IncidentInput;
  /** The templates folder from --templates or the config file. */
  templatesDir?: string;
  /** Where the facts came from, for messages. */
  source: string;
}

/** Collects the incident layers: flags > --incident FILE > config file > defaults. */
export function gatherIncident(opts: {
  cwd: string;
  flags: IncidentInput;
  incidentFile?: string;
  configFile?: string;
  templatesDir?: string;
}): Gathered {
  const config = loadConfig(opts.cwd, opts.configFile);
  const file = opts.incidentFile ? loadIncidentFile(opts.cwd, opts.incidentFile) : {};
  const sources = [config.file ? 'config' : '', opts.incidentFile ?? '', 'flags'].filter(Boolean);
  return {
    input: mergeLayers(config.incident, file, opts.flags),
    templatesDir: opts.templatesDir ? resolve(opts.cwd, opts.templatesDir) : config.templates,
    source: sources.join(' + '),
  };
}
