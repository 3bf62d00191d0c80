import type { Message } from '../message.js';
import { displayMailbox } from './encode.js';
import { toRfc5322 } from './rfc5322.js';

/**
 * Request bodies for email APIs, one request a line (`--format postmark|resend|ses`), to pipe
 * into `curl`. Each message keeps apologize's Message-ID (and In-Reply-To/References for a
 * follow-up, and the template's own headers), so threading and re-runs behave as with mbox or
 * --exec; the recipient key goes where each API keeps data for its webhooks.
 *
 * - Postmark: POST /email/batch, a JSON array of at most 500 messages
 *   ({From, To, ReplyTo, Subject, TextBody, HtmlBody, Headers: [{Name, Value}], Metadata, MessageStream}).
 * - Resend: POST /emails/batch, a JSON array of at most 100 emails
 *   ({from, to, reply_to, subject, text, html, headers: {name: value}, tags: [{name, value}]});
 *   its Idempotency-Key is a request header: the README's loop derives it from the line.
 * - Amazon SES (API v2): POST /v2/email/outbound-emails, one message a request
 *   ({Destination: {ToAddresses}, Content: {Raw: {Data: base64 of the message}}, EmailTags}): the
 *   raw data is exactly the message `--format eml` writes.
 */
export type Provider = 'postmark' | 'resend' | 'ses';

/** Messages in one request body. */
export const CHUNK: Record<Provider, number> = { postmark: 500, resend: 100, ses: 1 };

/** Where the recipient key is kept (Postmark Metadata, Resend and SES tags). */
export const KEY_FIELD = { postmark: 'apologize-key', resend: 'apologize_key', ses: 'apologize-key' } as const;

/**
 * The recipient key as a tag value: Resend and SES take only ASCII letters, digits, `_` and `-`
 * (at most 256). Every other character is written as its code in hex between two `_`, `_` itself too, so
 * two keys never give one value (`ana@example.com` → `ana_40_example_2e_com`).
 */
export function tagValue(key: string): string {
  let out = '';
  for (const ch of key) {
    const c = ch.codePointAt(0)!;
    out += (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 ? ch : `_${c.toString(16)}_`;
  }
  return out.length <= 256 ? out : `${out.slice(0, 239)}-${hash16(key)}`;
}

/** 16 hex digits of a string's FNV-1a (64-bit, two rounds of 32): names a key too long for a tag. */
function hash16(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    a = Math.imul(a ^ s.charCodeAt(i), 16777619);
    b = Math.imul(b ^ s.charCodeAt(i), 16777619);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The headers an API is given: ours but the ones it writes itself (From, To, Reply-To, Subject, Date, MIME). */
function apiHeaders(msg: Message): [string, string][] {
  const pairs: [string, string][] = [['Message-ID', `<${msg.messageId}>`]];
  if (msg.inReplyTo) {
    pairs.push(['In-Reply-To', `<${msg.inReplyTo}>`]);
    pairs.push(['References', `<${msg.inReplyTo}>`]);
  }
  for (const h of msg.headers) pairs.push(h);
  return pairs;
}

/** One message as the JSON of one element of the provider's request (without separators). */
export function providerJson(msg: Message, provider: Provider): string {
  switch (provider) {
    case 'postmark': {
      const o: Record<string, unknown> = { From: msg.from ? displayMailbox(msg.from) : null, To: msg.to ? displayMailbox(msg.to) : null };
      if (msg.replyTo) o.ReplyTo = displayMailbox(msg.replyTo);
      o.Subject = msg.subject;
      o.TextBody = msg.text;
      if (msg.html !== undefined) o.HtmlBody = msg.html;
      o.Headers = apiHeaders(msg).map(([Name, Value]) => ({ Name, Value }));
      o.Metadata = { [KEY_FIELD.postmark]: msg.key };
      o.MessageStream = 'outbound';
      return JSON.stringify(o);
    }
    case 'resend': {
      const o: Record<string, unknown> = { from: msg.from ? displayMailbox(msg.from) : null, to: msg.to ? [displayMailbox(msg.to)] : [] };
      if (msg.replyTo) o.reply_to = displayMailbox(msg.replyTo);
      o.subject = msg.subject;
      o.text = msg.text;
      if (msg.html !== undefined) o.html = msg.html;
      // An object holds one value a name: a repeated X- header keeps its last value.
      o.headers = Object.fromEntries(apiHeaders(msg));
      o.tags = [{ name: KEY_FIELD.resend, value: tagValue(msg.key) }];
      return JSON.stringify(o);
    }
    case 'ses':
      return JSON.stringify({
        Destination: { ToAddresses: msg.to ? [msg.to.address] : [] },
        Content: { Raw: { Data: Buffer.from(toRfc5322(msg, '\r\n'), 'utf8').toString('base64') } },
        EmailTags: [{ Name: KEY_FIELD.ses, Value: tagValue(msg.key) }],
      });
  }
}
