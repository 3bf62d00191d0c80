import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatReport } from '../check/report.js';
import { UsageError } from '../errors.js';
import { loadConfig } from '../incident/load.js';
import { fileFor, TemplateLibrary } from '../templates/library.js';
import { nearestLocale } from '../text/locale.js';
import { lintTemplates } from '../check/lint-templates.js';
import { safeLine, say, type IO } from './io.js';
import { parseStage } from './options.js';
import { readable } from './check.js';
import { stderrColour } from './colour.js';
import { writeProduct } from './output.js';
import { Chalk } from 'chalk';

function library(io: IO, dir?: string, locale?: string): TemplateLibrary {
  const configured = dir ? resolve(io.cwd, dir) : loadConfig(io.cwd).templates;
  const lib = new TemplateLibrary(configured);
  lib.checkPartials(); // a broken partial is reported even when no template uses it
  if (locale === undefined || locale === 'en') return lib;
  const letter = nearestLocale(locale, lib.locales());
  if (!letter) throw new UsageError(`no letters in locale "${locale}"`, `choose one of: ${lib.locales().join(', ')}`);
  return lib.forLocale(letter.folder);
}

export async function templatesList(opts: { templates?: string }, io: IO): Promise<number> {
  const lib = library(io, opts.templates);
  const rows = lib.list().map((t) => `${safeLine(t.name).padEnd(20)} ${t.origin.padEnd(9)} ${t.stages.join(', ')}`);
  await writeProduct(io, `${rows.join('\n')}\n`);
  return 0;
}

export async function templatesShow(name: string, opts: { templates?: string; stage?: string; locale?: string }, io: IO): Promise<number> {
  const lib = library(io, opts.templates, opts.locale);
  const stage = parseStage(opts.stage);
  const file = lib.resolveFile(fileFor(name, stage));
  if (!file) throw new UsageError(`no template "${name}"${stage === 'followup' ? ' with a follow-up' : ''}`, `see apologize templates list`);
  await writeProduct(io, readFileSync(file, 'utf8'));
  return 0;
}

export async function templatesEject(name: string, opts: { to?: string; force?: boolean; templates?: string; locale?: string }, io: IO): Promise<number> {
  const lib = library(io, opts.templates, opts.locale);
  if (!lib.has(name)) throw new UsageError(`no template "${name}"`, 'see apologize templates list');
  // A language's copy goes to <dir>/<locale>/, where --templates looks for that language first.
  const sub = opts.locale === undefined ? '' : lib.locale;
  const dir = resolve(io.cwd, opts.to ?? 'templates', sub);
  mkdirSync(dir, { recursive: true });
  const copied: string[] = [];
  for (const stage of ['apology', 'followup'] as const) {
    const source = lib.resolveFile(fileFor(name, stage));
    if (!source) continue;
    const target = join(dir, fileFor(name, stage));
    if (existsSync(target) && !opts.force) throw new UsageError(`${target} already exists`, 'add --force to overwrite it, or choose another --to');
    copyFileSync(source, target);
    copied.push(target);
  }
  say(io, safeLine(`copied ${copied.join(' and ')}; edit it, then use --templates ${opts.to ?? 'templates'} (partials stay built-in unless you add them to ${join(opts.to ?? 'templates', sub, 'partials')}/)`));
  return 0;
}

export async function templatesLint(dir: string | undefined, io: IO): Promise<number> {
  const lib = library(io, dir);
  // Every locale present: the built-in languages, or the folder's own (DIR/ as English, DIR/de/, DIR/fr-CA/…).
  const locales = dir ? ['en', ...lib.locales().filter((l) => existsSync(join(lib.userDir!, l)))] : lib.locales();
  const { problems, reports } = lintTemplates(lib, dir ? 'custom' : undefined, [...new Set(locales)]);
  const c = io.stdout.isTTY ? stderrColour({ ...io, stderr: io.stdout }) : new Chalk({ level: 0 });
  const out: string[] = [];
  for (const p of problems) out.push(`${c.red('error')} ${p.locale && p.locale !== 'en' ? `${safeLine(p.locale)}/` : ''}${safeLine(p.template)}${p.stage === 'followup' ? '.followup' : ''}${p.severity ? ` (${p.severity})` : ''}: ${safeLine(p.message)}`);
  const weak = reports.filter((r) => (r.report.score !== null && r.report.score < 85) || r.report.findings.length > 0);
  for (const r of weak) out.push(formatReport(readable(r.report), c, 85).trimEnd());
  const templates = new Set(reports.map((r) => `${r.template}:${r.stage}`)).size;
  const lowest = reports.reduce((m, r) => Math.min(m, r.report.score ?? 100), 100);
  out.push(`${templates} template(s), ${reports.length} renders checked, lowest score ${reports.length ? lowest : '-'}, ${problems.length} error(s), ${weak.length} render(s) below 85 or with findings`);
  await writeProduct(io, `${out.join('\n')}\n`);
  return problems.length > 0 || weak.length > 0 ? 1 : 0;
}
