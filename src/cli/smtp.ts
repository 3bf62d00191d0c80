// The --smtp flags of draft and batch: the server, the password (never from argv), and the sink.
// nodemailer is loaded only when --smtp is given.
import { UsageError } from '../errors.js';
import type { DeliveryOptions } from '../mail/delivery.js';
import type { SmtpSink } from '../mail/smtp.js';
import type { IO } from './io.js';
import { parseSmtpUrl } from './options.js';

export interface SmtpFlags {
  smtp?: string;
  smtpPasswordCommand?: string;
  smtpInsecure?: boolean;
}

/** Makes the --smtp sink of a run, with the run's delivery options. */
export type MakeSmtpSink = (opts: DeliveryOptions) => SmtpSink;

/**
 * Checks the --smtp flags and gets the password, before anything is read or sent (a problem is
 * exit 2); undefined without --smtp.
 */
export async function prepareSmtp(flags: SmtpFlags, io: IO): Promise<MakeSmtpSink | undefined> {
  if (!flags.smtp) {
    const stray = flags.smtpPasswordCommand !== undefined ? '--smtp-password-command' : flags.smtpInsecure ? '--smtp-insecure' : undefined;
    if (stray) throw new UsageError(`${stray} is for delivery with --smtp`, 'add --smtp smtp://user@host:587 (or drop it)');
    return undefined;
  }
  const server = parseSmtpUrl(flags.smtp);
  if (!server.user && flags.smtpPasswordCommand !== undefined) {
    throw new UsageError('--smtp-password-command gives a password, but --smtp names no user', 'write the user in the URL: --smtp smtp://USER@host:587');
  }
  const password = server.user ? smtpPassword(flags.smtpPasswordCommand, io) : undefined;
  const { SmtpSink } = await import('../mail/smtp.js');
  return (opts) => new SmtpSink({ ...opts, server, password, insecure: Boolean(flags.smtpInsecure) });
}

/** The password: the output of --smtp-password-command (its first line), or APOLOGIZE_SMTP_PASSWORD. Never printed. */
function smtpPassword(command: string | undefined, io: IO): string {
  if (command === undefined) {
    const fromEnv = io.env.APOLOGIZE_SMTP_PASSWORD;
    if (!fromEnv) throw new UsageError('--smtp names a user but no password was given', 'set APOLOGIZE_SMTP_PASSWORD, or add --smtp-password-command "pass show relay"');
    return fromEnv;
  }
  const res = process.getBuiltinModule('node:child_process').spawnSync('sh', ['-c', command], { cwd: io.cwd, env: io.env as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (res.error || res.status !== 0) {
    // Its stderr may say why; its stdout may hold the secret and is never shown.
    const why = res.error ? res.error.message : res.signal ? `killed by ${res.signal}` : `exit ${res.status}`;
    const said = (res.stderr ?? '').trim().split('\n').pop()?.slice(0, 200);
    throw new UsageError(`--smtp-password-command failed (${why}${said ? `: ${said}` : ''})`, 'check the command; it should print the password on stdout');
  }
  const password = (res.stdout ?? '').split(/\r?\n/)[0] ?? '';
  if (!password) throw new UsageError('--smtp-password-command printed no password', 'it should print the password on its first line of stdout');
  return password;
}
