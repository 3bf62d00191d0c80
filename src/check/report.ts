import type { ChalkInstance } from 'chalk';
import { PART_RULES } from './rules.js';
import type { CheckReport } from './score.js';
import { LANGUAGE_NAMES } from './language.js';

/** Why a report has no score. */
function notEnglish(language = 'und'): string {
  const name = (LANGUAGE_NAMES as Record<string, string>)[language] ?? language;
  return `the text looks ${name} (${language}); check judges English only`;
}

/** The human report: score, each part with its evidence or a hint, then the findings. */
export function formatReport(report: CheckReport, c: ChalkInstance, minScore: number): string {
  if (report.score === null) return `${c.bold(report.file)}: ${c.yellow('not scored')} — ${notEnglish(report.language)}\n`;
  const ok = report.score >= minScore;
  const lines = [`${c.bold(report.file)}: ${(ok ? c.green : c.red).bold(`${report.score}/100`)}${ok ? '' : c.red(` (below ${minScore})`)}`];
  for (const rule of PART_RULES) {
    const part = report.parts[rule.id];
    const mark = part.present ? c.green('✓') : rule.id === 'humour' ? c.dim('·') : c.red('✗');
    const detail = part.present ? c.dim(`“${part.evidence}”`) : rule.id === 'humour' ? c.dim('none (fine; only for small harm)') : rule.hint;
    lines.push(`  ${mark} ${rule.id.padEnd(10)} ${detail}`);
  }
  for (const f of report.findings) {
    const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
    const where = f.line ? `line ${f.line}` : 'overall';
    lines.push(`  ${sev} ${where.padEnd(8)} ${c.bold(f.rule)}${f.text ? ` “${f.text}”` : ''} — ${f.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line for `draft`: the score and the parts, then any findings. */
export function formatShortReport(report: CheckReport, c: ChalkInstance): string {
  if (report.score === null) return `check: not scored — ${notEnglish(report.language)}\n`;
  const parts = PART_RULES.filter((r) => r.id !== 'humour' || report.parts.humour.present)
    .map((r) => `${report.parts[r.id].present ? c.green('✓') : c.red('✗')} ${r.id}`)
    .join('  ');
  const head = `check: ${report.score}/100  ${parts}`;
  const findings = report.findings.map((f) => `  ${f.severity}: ${f.rule}${f.text ? ` “${f.text}”` : ''} — ${f.hint}`);
  return `${[head, ...findings].join('\n')}\n`;
}
