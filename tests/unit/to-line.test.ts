import { describe, expect, it } from 'vitest';
import { formatMailbox, headerLine } from '../../src/mail/encode.js';
import { writeToLine } from '../../src/mail/rfc5322.js';
import type { ByteTarget } from '../../src/message.js';

/** writeToLine's bytes, written after some bytes already there, into a buffer just big enough (it must ask for room). */
function written(to: { name: string; address: string }): string {
  const t: ByteTarget = {
    buf: Buffer.from('xyz'),
    used: 3,
    ensure(n) {
      if (t.used + n <= t.buf.length) return;
      const b = Buffer.alloc(t.used + n);
      t.buf.copy(b, 0, 0, t.used);
      t.buf = b;
    },
  };
  writeToLine(t, to);
  return t.buf.toString('utf8', 0, t.used);
}

describe('writeToLine (the To line a batch writes as bytes)', () => {
  it('is headerLine("To", formatMailbox(to)) for plain, encoded, long and non-ASCII names and addresses', () => {
    const names = ['', 'Jo', 'Zoë Müller', 'Łukasz Rossi', 'JO WALSH', 'a'.repeat(40), 'é'.repeat(30), 'Mia "M" Smith', 'O’Brien', '=?x?=', 'Chen 王'];
    const addresses = ['a@x.io', 'customer123456@example.com', `${'b'.repeat(60)}@example.com`, 'zoë@bücher.example', `${'c'.repeat(78)}@x.io`];
    for (const name of names) {
      for (const address of addresses) {
        const to = { name, address };
        expect([to, written(to)]).toEqual([to, `xyz${headerLine('To', formatMailbox(to))}`]);
      }
    }
  });
});
