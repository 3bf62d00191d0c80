import { domainToASCII } from 'node:url';
import type { Mailbox, MessageIdForm, Stage } from '../message.js';
import { FingerprintSet } from '../text/fingerprint.js';
import { hashedId } from '../text/hex.js';

/** Deterministic Message-ID: same incident, recipient and stage give the same id. */
export function messageIdFor(id: string, recipientKey: string, stage: Stage, domain: string): string {
  const [a, b] = FingerprintSet.hash(`${id}\0${recipientKey}`);
  return idFromHash(stage, id, a, b, domain);
}

/** The Message-ID from the hash of `${id}\0${recipientKey}` (a message's apology and follow-up share it). */
export function idFromHash(stage: Stage, id: string, a: number, b: number, domain: string): string {
  return hashedId(idForm(stage, id, domain), a, b);
}

/** The constant parts of the Message-IDs of one stage of a campaign (a batch makes them once). */
export function idForm(stage: Stage, id: string, domain: string): MessageIdForm {
  return { prefix: `${stage}.${id}.`, suffix: `@${domain}` };
}

/**
 * The Message-ID's domain: the From address's, in ASCII (an IDN as punycode,
 * `bücher.example` → `xn--bcher-kva.example`), so the header needs no encoding.
 */
export function messageIdDomain(from: Mailbox | undefined): string {
  if (!from) return 'apologize.invalid';
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1).toLowerCase();
  if (domain.startsWith('[') || /^[\x21-\x7e]*$/.test(domain)) return domain;
  return domainToASCII(domain) || 'apologize.invalid';
}
