import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatReport } from '../check/report.js';
import { checkApology, type CheckReport } from '../check/score.js';
import { loadForCheck } from '../check/text.js';
import { InputError, UsageError } from '../errors.js';
import { safeLine, type IO } from './io.js';
import { parseMinScore, parseSeverity } from './options.js';
import { stderrColour } from './colour.js';
import { writeProduct } from './output.js';
import { Chalk } from 'chalk';

export interface CheckOptions {
  json?: boolean;
  minScore?: string;
  severity?: string;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** `apologize check [FILE…|-]`: score apologies against the pattern. */
export async function checkCommand(files: string[], opts: CheckOptions, io: IO): Promise<number> {
  const minScore = parseMinScore(opts.minScore);
  const severity = parseSeverity(opts.severity);
  const inputs = files.length === 0 ? ['-'] : files;
  if (inputs.includes('-') && io.stdin.isTTY) throw new UsageError('no file to check and nothing piped in', 'give a file (apologize check apology.txt) or pipe one in');
  const reports: CheckReport[] = [];
  for (const name of inputs) {
    let raw: Buffer;
    try {
      raw = name === '-' ? await readStdin(io.stdin) : readFileSync(resolve(io.cwd, name));
    } catch (err) {
      throw new InputError(`cannot read ${name}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, 'check the path');
    }
    const text = await loadForCheck(raw, name);
    reports.push(checkApology(text, { file: name === '-' ? '<stdin>' : name, severity }));
  }
  if (opts.json) {
    await writeProduct(io, `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  } else {
    const colour = io.stdout.isTTY ? stderrColour({ ...io, stderr: io.stdout }) : new Chalk({ level: 0 });
    await writeProduct(io, reports.map((r) => formatReport(readable(r), colour, minScore)).join('\n'));
  }
  return reports.some((r) => r.score !== null && r.score < minScore) ? 1 : 0;
}

/** The report with the text it quotes from the file made safe to show (control and bidi characters escaped). */
export function readable(report: CheckReport): CheckReport {
  const parts = Object.fromEntries(
    Object.entries(report.parts).map(([id, p]) => [id, { ...p, evidence: p.evidence === null ? null : safeLine(p.evidence) }]),
  ) as CheckReport['parts'];
  return { ...report, file: safeLine(report.file), parts, findings: report.findings.map((f) => ({ ...f, text: safeLine(f.text) })) };
}
