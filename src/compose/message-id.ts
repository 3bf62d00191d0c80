import { domainToASCII } from 'node:url';
import type { Mailbox, Stage } from '../message.js';
import { FingerprintSet } from '../text/fingerprint.js';

/** Deterministic Message-ID: same incident, recipient and stage give the same id. */
export function messageIdFor(id: string, recipientKey: string, stage: Stage, domain: string): string {
  const [a, b] = FingerprintSet.hash(`${id}\0${recipientKey}`);
  return idFromHash(stage, id, a, b, domain);
}

/** The Message-ID from the hash of `${id}\0${recipientKey}` (a message's apology and follow-up share it). */
export function idFromHash(stage: Stage, id: string, a: number, b: number, domain: string): string {
  return `${stage}.${id}.${hex8(a)}${hex8(b)}@${domain}`;
}

/** idFromHash for one stage, id and domain, with the constant parts joined once (a batch makes one per message). */
export function idMaker(stage: Stage, id: string, domain: string): (a: number, b: number) => string {
  const prefix = `${stage}.${id}.`;
  const suffix = `@${domain}`;
  return (a, b) => prefix + hex8(a) + hex8(b) + suffix;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** `n.toString(16).padStart(8, '0')` for an unsigned 32-bit n, without the (slow) number formatting. */
function hex8(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
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
