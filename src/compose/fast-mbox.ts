import { InputError } from '../errors.js';
import { displayNameProblem, type Mailbox } from '../mail/address.js';
import { formatMailbox, headerLine } from '../mail/encode.js';
import { mboxSeparator } from '../mail/mbox.js';
import { cachedDateLine, cachedMailboxLine, cachedSubjectLine, extraHeaderLine, plainMimeLines } from '../mail/rfc5322.js';
import { FingerprintSet } from '../recipients/fingerprint.js';
import type { Recipient } from '../recipients/recipient.js';
import type { Stage } from '../templates/library.js';
import { joinPieces, type Shape, type SkeletonRenderer } from './skeleton.js';

export interface FastMboxContext {
  skeleton: SkeletonRenderer;
  finishHeaders: (raw: string[], key: string) => { subject: string; headers: [string, string][]; inReplyTo?: string };
  /** How many humour lines there are to choose from (0: none). */
  humourLines: number;
  stage: Stage;
  id: string;
  domain: string;
  from?: Mailbox;
  replyTo?: Mailbox;
  now: Date;
}

/** Where entries are written: `ensure(n)` makes room for n more bytes at `buf[used]`. */
export interface ByteTarget {
  buf: Buffer;
  used: number;
  ensure(n: number): void;
}

type Out = Buffer & { utf8Write(s: string, at: number): number };

/** What one shape gives every message of that shape, as bytes. */
interface Derived {
  /** A header value the composer refuses: the general path reports it. */
  refused: boolean;
  /** Subject and Date; the headers after Message-ID (7bit and 8bit): fixed when no header has a slot. */
  fixedHeaders?: { beforeId: Buffer; afterId7: Buffer; afterId8: Buffer };
  /** The body: constant pieces as bytes, slots as value indexes. */
  body: (Buffer | number)[];
  /** Bytes of the body's constant pieces. */
  bodyBytes: number;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const HEX = Buffer.from('0123456789abcdef');
const PLAIN_TO = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+( [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * Writes a batch's mbox entries as bytes from the cached shapes: constant
 * pieces are encoded once per shape and copied, and per message only the
 * values, the To line and the Message-ID are encoded, straight into the
 * output buffer. It declines (returns false, writing nothing) whenever the
 * general path could differ (a value that changes the body's encoding or
 * needs mboxrd quoting, a header the composer refuses, a message without To);
 * tests compare its output with `toMboxEntry(compose(r))` byte for byte.
 */
export function fastMboxWriter(c: FastMboxContext): (recipient: Recipient, target: ByteTarget) => boolean {
  const prefix = utf8(
    mboxSeparator(c.from, c.now) + (c.from ? `${cachedMailboxLine('From', c.from)}\n` : '') + (c.replyTo ? `${cachedMailboxLine('Reply-To', c.replyTo)}\n` : ''),
  );
  const date = `${cachedDateLine(c.now)}\n`;
  const idOpen = utf8(`Message-ID: <${c.stage}.${c.id}.`);
  const idClose = utf8(`@${c.domain}>\n`);
  const hashState = FingerprintSet.stateAfter(`${c.id}\0`);
  const hash = new Uint32Array(2);
  const encodedNames = new Map<string, string>();

  /** Header lines from Subject to the blank line, given the rendered values; undefined when the composer would refuse them. */
  const headerText = (raw: string[], key: string, ascii: boolean): { beforeId: string; afterId: string } | undefined => {
    let h;
    try {
      h = c.finishHeaders(raw, key);
    } catch (err) {
      if (err instanceof InputError) return undefined;
      throw err;
    }
    let afterId = '';
    if (h.inReplyTo) afterId += `In-Reply-To: <${h.inReplyTo}>\nReferences: <${h.inReplyTo}>\n`;
    for (const [name, value] of h.headers) afterId += `${extraHeaderLine(name, value)}\n`;
    afterId += `${plainMimeLines(ascii ? '7bit' : '8bit')}\n\n`;
    return { beforeId: `${cachedSubjectLine(h.subject)}\n${date}`, afterId };
  };

  const derive = (shape: Shape, key: string): Derived => {
    const body: (Buffer | number)[] = [];
    let bodyBytes = 0;
    for (const p of shape.body) {
      if (typeof p === 'number') body.push(p);
      else if (p !== '') {
        const b = utf8(p);
        body.push(b);
        bodyBytes += b.length;
      }
    }
    const d: Derived = { refused: false, body, bodyBytes };
    // No slot in any header: the same lines for every message of this shape
    // (a follow-up's In-Reply-To depends on the recipient: per message).
    if (c.stage === 'apology' && shape.headers.every((h) => h.length === 1)) {
      const raw = shape.headers.map((h) => h[0] as string);
      const a = headerText(raw, key, true);
      const b = headerText(raw, key, false);
      if (!a || !b) d.refused = true;
      else d.fixedHeaders = { beforeId: utf8(a.beforeId), afterId7: utf8(a.afterId), afterId8: utf8(b.afterId) };
    }
    return d;
  };

  return (r: Recipient, target: ByteTarget): boolean => {
    const f = r.fields;
    // The composer's context is these fields plus email, name, first_name and
    // orders; a batch's rows already carry the three, so the fields are the context.
    if (!r.email || f.email !== r.email || f.name !== r.name || f.first_name !== r.first_name) return false;
    if (r.name && displayNameProblem(r.name)) return false;
    FingerprintSet.hashAfter(hashState, r.key, hash);
    const hit = c.skeleton.lookup(r, f, c.humourLines > 0 ? hash[0]! % c.humourLines : -1);
    if (!hit) return false;
    const facts = hit.facts;
    if (!facts.fromSafe || !facts.crFree || facts.maxOctets > 998) return false;
    const shape = hit.shape;
    let d = shape.derived as Derived | undefined;
    if (!d) shape.derived = d = derive(shape, r.key);
    if (d.refused) return false;
    const values = hit.values;

    let beforeId: Buffer | string;
    let afterId: Buffer | string;
    if (d.fixedHeaders) {
      beforeId = d.fixedHeaders.beforeId;
      afterId = facts.ascii ? d.fixedHeaders.afterId7 : d.fixedHeaders.afterId8;
    } else {
      const t = headerText(
        shape.headers.map((h) => joinPieces(h, values)),
        r.key,
        facts.ascii,
      );
      if (!t) return false;
      beforeId = t.beforeId;
      afterId = t.afterId;
    }
    // The To line as headerLine('To', formatMailbox(…)) gives it: written
    // directly when the name needs no quoting or encoding and nothing folds.
    const direct = r.name === '' || (r.name.length < 70 && PLAIN_TO.test(r.name));
    const toLength = 4 + (r.name === '' ? 0 : r.name.length + 2) + r.email.length + (r.name === '' ? 0 : 1);
    let to: string | undefined;
    if (!direct || toLength > 76) {
      // Encoding a name (libmime) costs more than the rest of the message: names repeat, so keep some.
      let name = r.name === '' ? '' : encodedNames.get(r.name);
      if (name === undefined) {
        if (encodedNames.size >= 4096) encodedNames.clear();
        name = formatMailbox({ name: r.name, address: '' }).slice(0, -' <>'.length);
        encodedNames.set(r.name, name);
      }
      to = `${headerLine('To', name === '' ? r.email : `${name} <${r.email}>`)}\n`;
    }

    // Room for the worst case: 3 octets per UTF-16 unit of every string written.
    let need = prefix.length + d.bodyBytes + idOpen.length + 16 + idClose.length + 3 * (toLength + 1 + (to?.length ?? 0)) + 1;
    need += typeof beforeId === 'string' ? 3 * beforeId.length : beforeId.length;
    need += typeof afterId === 'string' ? 3 * afterId.length : afterId.length;
    for (const p of d.body) if (typeof p === 'number') need += 3 * values[p]!.length;
    target.ensure(need);
    const out = target.buf as Out;
    let at = target.used;

    at += prefix.copy(out, at);
    if (to !== undefined) at += out.utf8Write(to, at);
    else {
      out[at++] = 84; // To: 
      out[at++] = 111;
      out[at++] = 58;
      out[at++] = 32;
      if (r.name !== '') {
        at += out.utf8Write(r.name, at);
        out[at++] = 32;
        out[at++] = 60; // <
        at += out.utf8Write(r.email, at);
        out[at++] = 62; // >
      } else at += out.utf8Write(r.email, at);
      out[at++] = 10;
    }
    at += typeof beforeId === 'string' ? out.utf8Write(beforeId, at) : beforeId.copy(out, at);
    at += idOpen.copy(out, at);
    for (let k = 0; k < 2; k++) {
      const v = hash[k]!;
      for (let shift = 28; shift >= 0; shift -= 4) out[at++] = HEX[(v >>> shift) & 15]!;
    }
    at += idClose.copy(out, at);
    at += typeof afterId === 'string' ? out.utf8Write(afterId, at) : afterId.copy(out, at);
    for (const p of d.body) at += typeof p === 'number' ? out.utf8Write(values[p]!, at) : p.copy(out, at);
    out[at++] = 10; // the blank line that ends an mbox entry
    target.used = at;
    return true;
  };
}
