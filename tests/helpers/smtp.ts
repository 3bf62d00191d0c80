import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives. */
export async function startSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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
export function useSmtpServer(): { readonly port: number; readonly received: Received[] } {
  let server: Awaited<ReturnType<typeof startSmtp>> | undefined;
  beforeAll(async () => {
    server = await startSmtp();
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
  };
}
