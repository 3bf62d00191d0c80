import { InputError, TemplateError } from '../errors.js';
import { displayNameProblem } from '../mail/address.js';
import type { ByteTarget, Mailbox, Stage } from '../message.js';
import { formatMailbox, headerLine, looksEncoded } from '../mail/encode.js';
import { mboxSeparator } from '../mail/mbox.js';
import { cachedDateLine, cachedMailboxLine, cachedSubjectLine, extraHeaderLine, plainMimeLines } from '../mail/rfc5322.js';
import { FingerprintSet } from '../text/fingerprint.js';
import type { Recipient } from '../recipients/recipient.js';
import { joinPieces, type Shape, type SkeletonRenderer } from './skeleton.js';

export interface FastMboxContext {
  skeleton: SkeletonRenderer;
  /** The composer's header finishing, given the recipient's hash of `${id}\0${key}`. */
  finishHeaders: (raw: string[], a: number, b: number) => { subject: string; headers: [string, string][]; inReplyTo?: string };
  /** How many humour lines there are to choose from (0: none). */
  humourLines: number;
  stage: Stage;
  id: string;
  domain: string;
  from?: Mailbox;
  replyTo?: Mailbox;
  now: Date;
}

type Out = Buffer & { utf8Write(s: string, at: number): number };

/** What one shape gives every message of that shape, as bytes. */
interface Derived {
  /** A header value the composer refuses: the general path reports it. */
  refused: boolean;
  /**
   * When no header has a slot, the same lines for every message: `head` is
   * Subject and Date up to the Message-ID's hash, `tail7`/`tail8` the rest of
   * the headers (7bit or 8bit body) with the body's first constant piece.
   */
  fixed?: { head: Buffer; tail7: Buffer; tail8: Buffer };
  /** The body: constant pieces as bytes, slots as value indexes (after the piece in `fixed` tails, when there are). */
  body: (Buffer | number)[];
  /** The whole body, for messages whose headers are made one by one. */
  fullBody: (Buffer | number)[];
  /** Bytes of the constant pieces of `fullBody`. */
  bodyBytes: number;
  /** Indexes of the slots in the body, in order (with repeats). */
  slots: number[];
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
  const encodedNames = new Map<string, { name: string; start: Buffer }>();

  /** Header lines from Subject to the blank line, given the rendered values; undefined when the composer would refuse them. */
  const headerText = (raw: string[], ascii: boolean): { beforeId: string; afterId: string } | undefined => {
    let h;
    try {
      h = c.finishHeaders(raw, hash[0]!, hash[1]!);
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

  const derive = (shape: Shape): Derived => {
    const fullBody: (Buffer | number)[] = [];
    const slots: number[] = [];
    let bodyBytes = 0;
    for (const p of shape.body) {
      if (typeof p === 'number') {
        fullBody.push(p);
        slots.push(p);
      } else if (p !== '') {
        const b = utf8(p);
        fullBody.push(b);
        bodyBytes += b.length;
      }
    }
    const d: Derived = { refused: false, body: fullBody, fullBody, bodyBytes, slots };
    // No slot in any header: the same lines for every message of this shape
    // (a follow-up's In-Reply-To depends on the recipient: per message).
    if (c.stage === 'apology' && shape.headers.every((h) => h.length === 1)) {
      const raw = shape.headers.map((h) => h[0] as string);
      const a = headerText(raw, true);
      const b = headerText(raw, false);
      if (!a || !b) d.refused = true;
      else {
        // Fewer, longer copies: the body's first constant piece joins the headers.
        const first = typeof fullBody[0] === 'number' || fullBody.length === 0 ? undefined : (fullBody[0] as Buffer);
        const after = (text: string) => Buffer.concat([idClose, utf8(text), ...(first ? [first] : [])]);
        d.fixed = { head: Buffer.concat([utf8(a.beforeId), idOpen]), tail7: after(a.afterId), tail8: after(b.afterId) };
        d.body = first ? fullBody.slice(1) : fullBody;
      }
    }
    return d;
  };

  return (r: Recipient, target: ByteTarget): boolean => {
    const f = r.fields;
    // The composer's context is these fields plus email, name, first_name and
    // orders; a batch's rows already carry the three, so the fields are the context.
    if (!r.email || f.email !== r.email || f.name !== r.name || f.first_name !== r.first_name) return false;
    if (r.name && !r.nameChecked && displayNameProblem(r.name)) return false;
    FingerprintSet.hashAfter(hashState, r.key, hash);
    let hit;
    try {
      hit = c.skeleton.lookup(r, f, c.humourLines > 0 ? hash[0]! % c.humourLines : -1);
    } catch (err) {
      // Rendering a new shape failed: the plain path reports it, as for any message.
      if (err instanceof InputError || err instanceof TemplateError) return false;
      throw err;
    }
    if (!hit) return false;
    const facts = hit.facts;
    if (!facts.fromSafe || !facts.crFree || facts.maxOctets > 998) return false;
    const shape = hit.shape;
    let d = shape.derived as Derived | undefined;
    if (!d) shape.derived = d = derive(shape);
    if (d.refused) return false;
    const values = hit.values;

    let text: { beforeId: string; afterId: string } | undefined;
    if (!d.fixed) {
      text = headerText(
        shape.headers.map((h) => joinPieces(h, values)),
        facts.ascii,
      );
      if (!text) return false;
    }
    // The To line as headerLine('To', formatMailbox(…)) gives it: written
    // directly when the name needs no quoting or encoding and nothing folds.
    const direct = r.name === '' || (r.name.length < 70 && PLAIN_TO.test(r.name) && !looksEncoded(r.name));
    const toLength = 4 + (r.name === '' ? 0 : r.name.length + 2) + r.email.length + (r.name === '' ? 0 : 1);
    let to: string | undefined;
    let toStart: Buffer | undefined; // "To: <encoded name> <", then the address
    if (!direct || toLength > 76) {
      if (r.name === '') to = `${headerLine('To', r.email)}\n`;
      else {
        // Encoding a name (libmime) costs more than the rest of the message: names repeat, so keep some.
        let e = encodedNames.get(r.name);
        if (e === undefined) {
          if (encodedNames.size >= 4096) encodedNames.clear();
          const name = formatMailbox({ name: r.name, address: '' }).slice(0, -' <>'.length);
          e = { name, start: utf8(`To: ${name} <`) };
          encodedNames.set(r.name, e);
        }
        // One line when it fits (as headerLine leaves it), else folded as headerLine folds it.
        if (4 + e.name.length + 2 + r.email.length + 1 <= 76) toStart = e.start;
        else to = `${headerLine('To', `${e.name} <${r.email}>`)}\n`;
      }
    }

    // Room for the worst case: 3 octets per UTF-16 unit of every string written.
    let need = prefix.length + d.bodyBytes + idOpen.length + 16 + idClose.length + 3 * (toLength + 1 + (to?.length ?? 0)) + (toStart?.length ?? 0) + 1;
    if (d.fixed) need += d.fixed.head.length + d.fixed.tail8.length;
    else need += 3 * (text!.beforeId.length + text!.afterId.length);
    for (const slot of d.slots) need += 3 * values[slot]!.length;
    target.ensure(need);
    const out = target.buf as Out;
    let at = target.used;

    out.set(prefix, at);
    at += prefix.length;
    if (to !== undefined) at += out.utf8Write(to, at);
    else if (toStart !== undefined) {
      out.set(toStart, at);
      at += toStart.length;
      at += out.utf8Write(r.email, at);
      out[at++] = 62; // >
      out[at++] = 10;
    } else {
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
    if (d.fixed) {
      out.set(d.fixed.head, at);
      at += d.fixed.head.length;
    } else {
      at += out.utf8Write(text!.beforeId, at);
      out.set(idOpen, at);
      at += idOpen.length;
    }
    for (let k = 0; k < 2; k++) {
      const v = hash[k]!;
      for (let shift = 28; shift >= 0; shift -= 4) out[at++] = HEX[(v >>> shift) & 15]!;
    }
    let body = d.fullBody;
    if (d.fixed) {
      const tail = facts.ascii ? d.fixed.tail7 : d.fixed.tail8;
      out.set(tail, at);
      at += tail.length;
      body = d.body;
    } else {
      out.set(idClose, at);
      at += idClose.length;
      at += out.utf8Write(text!.afterId, at);
    }
    for (let i = 0; i < body.length; i++) {
      const p = body[i]!;
      if (typeof p === 'number') at += out.utf8Write(values[p]!, at);
      else {
        out.set(p, at);
        at += p.length;
      }
    }
    out[at++] = 10; // the blank line that ends an mbox entry
    target.used = at;
    return true;
  };
}
