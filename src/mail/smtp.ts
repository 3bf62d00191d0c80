import { createTransport } from 'nodemailer';
import type { Message } from '../message.js';
import { DeliverySink, type DeliveryOptions, type Outcome } from './delivery.js';
import { toRfc5322 } from './rfc5322.js';

/** Where `--smtp` delivers: `smtp://user@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
export interface SmtpServer {
  secure: boolean;
  host: string;
  port: number;
  user?: string;
}

export interface SmtpOptions extends DeliveryOptions {
  server: SmtpServer;
  /** For `server.user`; never printed. */
  password?: string;
  /** Accept a certificate no known authority signed (a relay with a self-signed one). */
  insecure: boolean;
}

/** The server as the summary names it (never with a password). */
export function smtpTarget(s: SmtpServer): string {
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  return `${s.secure ? 'smtps' : 'smtp'}://${s.user ? `${encodeURIComponent(s.user)}@` : ''}${host}:${s.port}`;
}

/**
 * Messages composed ahead per connection (DeliverySink): the next one is ready the moment the
 * server's reply frees the connection, and composing overlaps the wait for that reply.
 */
const AHEAD = 2;

/** Messages one connection carries before it is closed and a new one opened (nodemailer's default is 100). */
const MESSAGES_PER_CONNECTION = 1000;

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** What a hand-off keeps to judge its outcome: its message stream (read only once the server took DATA). */
interface HandOff {
  stream?: NodeJS.ReadableStream & { readableDidRead?: boolean };
}

/** A nodemailer error, the fields we read. */
interface MailError extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
}

const WHAT_WAS_REFUSED: Record<string, string> = {
  EAUTH: 'login refused',
  'MAIL FROM': 'sender refused',
  'RCPT TO': 'recipient refused',
  DATA: 'message refused',
};

/**
 * Delivers over pooled SMTP connections (nodemailer's SMTP transport: `concurrency`
 * connections, STARTTLS when offered, AUTH): each message exactly as composed (the .eml
 * bytes), the envelope from its From and To. After the server's 2xx to the end of the data it
 * is sent; a 4xx/5xx reply (to the login, MAIL FROM, RCPT TO or the data) is a refusal, failed
 * with that reply; a connection lost or timed out once the data was being sent leaves the
 * outcome unknown: in doubt. Before the data, nothing can have been delivered: failed.
 */
export class SmtpSink extends DeliverySink {
  readonly target: string;
  private readonly transport: ReturnType<typeof createTransport>;
  private killed = false;

  constructor(private readonly smtp: SmtpOptions) {
    super(smtp, AHEAD);
    const { server } = smtp;
    this.target = smtpTarget(server);
    this.transport = createTransport({
      pool: true,
      maxConnections: smtp.concurrency,
      maxMessages: MESSAGES_PER_CONNECTION,
      host: server.host,
      port: server.port,
      secure: server.secure,
      // A password never goes over a connection in the clear, except to this machine.
      requireTLS: Boolean(server.user) && !server.secure && !isLoopback(server.host),
      auth: server.user ? { user: server.user, pass: smtp.password ?? '' } : undefined,
      tls: { rejectUnauthorized: !smtp.insecure },
      connectionTimeout: Math.min(smtp.timeoutMs, 120_000),
      greetingTimeout: Math.min(smtp.timeoutMs, 30_000),
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    // Keeps each hand-off's message stream: whether it was read says whether the data went out.
    this.transport.use('stream', (mail, done) => {
      const handOff = (mail.data as { apologizeHandOff?: HandOff }).apologizeHandOff;
      if (handOff) {
        mail.message.processFunc((input) => {
          handOff.stream = input as HandOff['stream'];
          return input;
        });
      }
      done();
    });
  }

  protected handOver(msg: Message, to: string): Promise<Outcome> {
    const handOff: HandOff = {};
    const timeout = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      timeout.abort();
    }, this.smtp.timeoutMs);
    const raw = Buffer.from(toRfc5322(msg, '\r\n'), 'utf8');
    // The Message-ID given, so nodemailer does not make one of its own for a raw message
    // (five random draws a message; the raw bytes are sent as they are either way).
    const data = { envelope: { from: msg.from?.address ?? '', to: [to] }, raw, messageId: `<${msg.messageId}>`, signal: timeout.signal, apologizeHandOff: handOff };
    return this.transport.sendMail(data).then(
      (): Outcome => {
        clearTimeout(timer);
        return { event: 'sent' };
      },
      (err: MailError): Outcome => {
        clearTimeout(timer);
        const dataSent = handOff.stream?.readableDidRead === true;
        if (timedOut || this.killed) {
          const why = timedOut ? `timed out after ${this.smtp.timeoutMs / 1000}s` : 'interrupted';
          return dataSent ? { event: 'in-doubt', reason: `${why} after the message was sent, before the server's reply` } : { event: 'failed', reason: `${why} before the message was sent` };
        }
        if (err.responseCode && err.responseCode >= 400) {
          const what = WHAT_WAS_REFUSED[err.code === 'EAUTH' ? 'EAUTH' : (err.command ?? '')] ?? 'refused';
          return { event: 'failed', reason: `${what}: ${oneLine(err.response ?? err.message)}` };
        }
        const detail = oneLine(err.message);
        if (dataSent) return { event: 'in-doubt', reason: `the connection was lost after the message was sent: ${detail}` };
        return { event: 'failed', reason: `${this.target}: ${detail}` };
      },
    );
  }

  protected override async shutdown(): Promise<void> {
    this.transport.close();
  }

  /** Closes every connection now (a second Ctrl-C): a message whose data went out is in doubt. */
  killAll(): void {
    this.killed = true;
    this.transport.close({ force: true });
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim().slice(0, 400);
}
