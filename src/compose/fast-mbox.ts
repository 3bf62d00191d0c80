import { InputError } from '../errors.js';
import { displayNameProblem, type Mailbox } from '../mail/address.js';
import { formatMailbox, headerLine } from '../mail/encode.js';
import { mboxSeparator } from '../mail/mbox.js';
import { cachedDateLine, cachedMailboxLine, cachedSubjectLine, extraHeaderLine, plainMimeLines } from '../mail/rfc5322.js';
import type { Recipient } from '../recipients/recipient.js';
import type { Stage } from '../templates/library.js';
import { messageIdFor } from './compose.js';
import { joinPieces, type Shape, type ShapeHit, type SkeletonRenderer } from './skeleton.js';

export interface FastMboxContext {
  skeleton: SkeletonRenderer;
  finishHeaders: (raw: string[], key: string) => { subject: string; headers: [string, string][]; inReplyTo?: string };
  humourIndexFor: (key: string) => number;
  stage: Stage;
  id: string;
  domain: string;
  from?: Mailbox;
  replyTo?: Mailbox;
  now: Date;
}

/** What one shape gives every message of that shape, as bytes. */
interface Derived {
  /** The shape cannot be written here (a header value the composer refuses, "From " lines…). */
  refused: boolean;
  /** Subject, Date, (Message-ID goes between), template headers: fixed when no header has a slot. */
  fixedHeaders?: { beforeId: Buffer; afterId7: Buffer; afterId8: Buffer };
  /** The body: constant pieces as bytes, slots as value indexes. */
  body: (Buffer | number)[];
  /** Bytes of the body's constant pieces. */
  bodyBytes: number;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/**
 * Writes a batch's mbox entries from the cached shapes as bytes: constant
 * pieces are encoded once per shape and copied, and only the values, the To
 * line and the Message-ID are encoded per message. It declines (undefined)
 * whenever the general path could differ (a value that changes the body's
 * encoding or needs mboxrd quoting, a header with an error, a message without
 * To); tests compare its output with `toMboxEntry(compose(r))` byte for byte.
 */
export function fastMboxWriter(c: FastMboxContext): (recipient: Recipient) => Buffer | undefined {
  const prefix = utf8(
    mboxSeparator(c.from, c.now) + (c.from ? `${cachedMailboxLine('From', c.from)}\n` : '') + (c.replyTo ? `${cachedMailboxLine('Reply-To', c.replyTo)}\n` : ''),
  );
  const date = `${cachedDateLine(c.now)}\n`;
  const idOpen = `Message-ID: <`;
  let scratch = Buffer.allocUnsafe(1 << 16);

  /** Header lines from Subject to the blank line, given the rendered values; `undefined` when the composer would refuse them. */
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
    if (shape.headers.every((h) => h.length === 1)) {
      // No slot in any header: the same lines for every message of this shape
      // (In-Reply-To depends on the recipient, so follow-ups take the per-message way).
      const raw = shape.headers.map((h) => h[0] as string);
      const a = c.stage === 'apology' ? headerText(raw, key, true) : undefined;
      const b = c.stage === 'apology' ? headerText(raw, key, false) : undefined;
      if (c.stage === 'apology' && (!a || !b)) d.refused = true;
      else if (a && b) d.fixedHeaders = { beforeId: utf8(a.beforeId), afterId7: utf8(a.afterId), afterId8: utf8(b.afterId) };
    }
    return d;
  };

  return (r: Recipient): Buffer | undefined => {
    const f = r.fields;
    // The composer's context is these fields plus email, name, first_name and
    // orders; a batch's rows already carry the three, so the fields are the context.
    if (!r.email || f.email !== r.email || f.name !== r.name || f.first_name !== r.first_name) return undefined;
    if (r.name && displayNameProblem(r.name)) return undefined;
    const hit: ShapeHit | undefined = c.skeleton.lookup(r, f, c.humourIndexFor(r.key));
    if (!hit) return undefined;
    const facts = hit.facts;
    if (!facts.fromSafe || !facts.crFree || facts.maxOctets > 998) return undefined;
    const shape = hit.shape;
    let d = shape.derived as Derived | undefined;
    if (!d) shape.derived = d = derive(shape, r.key);
    if (d.refused) return undefined;
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
      if (!t) return undefined;
      beforeId = t.beforeId;
      afterId = t.afterId;
    }
    const to = `${headerLine('To', formatMailbox({ name: r.name, address: r.email }))}\n`;
    const messageId = messageIdFor(c.id, r.key, c.stage, c.domain);

    // Room for the worst case: 3 octets per UTF-16 unit of every string written.
    let need = prefix.length + d.bodyBytes + 3 * (to.length + idOpen.length + messageId.length + 4) + 1;
    need += typeof beforeId === 'string' ? 3 * beforeId.length : beforeId.length;
    need += typeof afterId === 'string' ? 3 * afterId.length : afterId.length;
    for (const p of d.body) if (typeof p === 'number') need += 3 * values[p]!.length;
    if (need > scratch.length) scratch = Buffer.allocUnsafe(Math.max(need, scratch.length * 2));
    const out = scratch as Buffer & { utf8Write(s: string, at: number): number; latin1Write(s: string, at: number): number };

    let at = prefix.copy(out, 0);
    at += out.utf8Write(to, at);
    at += typeof beforeId === 'string' ? out.utf8Write(beforeId, at) : beforeId.copy(out, at);
    at += out.latin1Write(idOpen, at);
    at += out.utf8Write(messageId, at);
    out[at++] = 62; // >
    out[at++] = 10;
    at += typeof afterId === 'string' ? out.utf8Write(afterId, at) : afterId.copy(out, at);
    for (const p of d.body) at += typeof p === 'number' ? out.utf8Write(values[p]!, at) : p.copy(out, at);
    out[at++] = 10; // the blank line that ends an mbox entry
    return out.subarray(0, at);
  };
}
