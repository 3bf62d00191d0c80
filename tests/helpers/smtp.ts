import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** How a test server behaves; nothing set: it takes every message at once, plain, no AUTH. */
export interface SmtpBehaviour {
  /** AUTH required with this user and password (PLAIN/LOGIN). */
  auth?: { user: string; pass: string };
  /** STARTTLS offered, with this certificate (see selfSignedCert). */
  tls?: { key: string; cert: string };
  /** A reply to RCPT TO for this address, e.g. `450 4.2.0 mailbox busy` (undefined: accepted). */
  refuseRcpt?: (address: string) => string | undefined;
  /** A reply to the end of the data for this message, e.g. `554 5.7.1 rejected as spam`. */
  refuseData?: (to: string[]) => string | undefined;
  /** The data of this message is read whole, then the connection is dropped without a reply (it is kept in `received`). */
  dropAfterData?: (to: string[]) => boolean;
  /** Waits this long before the reply to the end of the data (a slow relay). */
  dataDelayMs?: number;
}

/** A server error with an SMTP reply: `450 4.2.0 text` → code 450, message "4.2.0 text". */
function replyError(reply: string): Error {
  const m = /^(\d{3})\s+(.*)$/.exec(reply)!;
  return Object.assign(new Error(m[2]), { responseCode: Number(m[1]) });
}

/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives. */
export async function startSmtp(behaviour: SmtpBehaviour = {}): Promise<{ port: number; received: Received[]; logins: string[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const logins: string[] = [];
  const disabled = [...(behaviour.auth ? [] : ['AUTH']), ...(behaviour.tls ? [] : ['STARTTLS'])];
  const server: SMTPServer = new SMTPServer({
    authOptional: !behaviour.auth,
    disabledCommands: disabled,
    ...(behaviour.tls ? { key: behaviour.tls.key, cert: behaviour.tls.cert } : {}),
    allowInsecureAuth: !behaviour.tls,
    logger: false,
    onAuth(auth, session, callback) {
      const ok = behaviour.auth && auth.username === behaviour.auth.user && auth.password === behaviour.auth.pass;
      logins.push(`${auth.username}${session.secure ? ' (tls)' : ' (plain)'}${ok ? '' : ' refused'}`);
      if (!ok) return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      const reply = behaviour.refuseRcpt?.(address.address);
      callback(reply ? replyError(reply) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        if (behaviour.dropAfterData?.(to)) {
          for (const c of (server as unknown as { connections: Set<{ session: { id: string }; _socket: { destroy(): void } }> }).connections) {
            if (c.session.id === session.id) c._socket.destroy();
          }
          return;
        }
        const reply = behaviour.refuseData?.(to);
        const answer = () => callback(reply ? replyError(reply) : null);
        if (behaviour.dataDelayMs) setTimeout(answer, behaviour.dataDelayMs);
        else answer();
      });
    },
  });
  server.on('error', () => {}); // a client killed mid-session resets its connection: not the server's failure
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A self-signed certificate for 127.0.0.1 / localhost, made now with openssl. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apologize-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

/** The msmtp command line that delivers to that server, envelope sender from the From header. */
export function msmtpCommand(port: number): string {
  return `msmtp -C /dev/null --host=127.0.0.1 --port=${port} --auth=off --tls=off -t --read-envelope-from`;
}

/** How many messages each recipient received. */
export function countsByRecipient(received: Received[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of received) for (const to of r.to) m.set(to, (m.get(to) ?? 0) + 1);
  return m;
}

/** A CSV of n customers, `<prefix><i>@example.com`, one row each. */
export function customersCsv(dir: string, n: number, prefix = 'c', extra = false): string {
  const file = `${dir}/customers.csv`;
  const rows = Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com,Customer ${i}${extra ? `,O-${i}` : ''}`);
  writeFileSync(file, `email,name${extra ? ',order_id' : ''}\n${rows.join('\n')}\n`);
  return file;
}

/** Starts a server for the test file (beforeAll) and stops it after (afterAll). */
export function useSmtpServer(behaviour: SmtpBehaviour | (() => SmtpBehaviour) = {}): { readonly port: number; readonly received: Received[]; readonly logins: string[] } {
  let server: Awaited<ReturnType<typeof startSmtp>> | undefined;
  beforeAll(async () => {
    server = await startSmtp(typeof behaviour === 'function' ? behaviour() : behaviour);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get port() {
      return server!.port;
    },
    get received() {
      return server!.received;
    },
    get logins() {
      return server!.logins;
    },
  };
}
