/**
 * The ground floor: the types every part of apologize shares. A message flows
 * incident + recipient → context (compose/context.ts) → compose → Message →
 * one writer per format (mail/) → sink. Nothing here imports anything.
 */

/** One mailbox: an optional display name and one bare address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** Which message of a campaign: the apology, or the follow-up threaded under it. */
export type Stage = 'apology' | 'followup';

/** Text cut where values go: constant pieces (strings) and value indexes (numbers). */
export type Pieces = (string | number)[];

/**
 * A template's rendered shape for one kind of recipient (which values are
 * empty, how many orders, which humour line): rendered once, shared by every
 * message of that shape.
 */
export interface MessageShape {
  /** Raw header values, in template order, cut at the values. */
  headers: Pieces[];
  /** The tidy body, cut at the values. */
  body: Pieces;
  /** What the mbox writer derives from the shape once (mail/mbox.ts); nobody else touches it. */
  mbox?: unknown;
}

/** A message's shape and the values that fill its slots (by index). */
export interface ShapedText {
  shape: MessageShape;
  values: string[];
}

/** What a writer would otherwise scan the whole body for: exact, not estimates. */
export interface BodyFacts {
  ascii: boolean;
  /** The longest line, in UTF-8 octets. */
  maxOctets: number;
  /** No line starts with "From " or ">From " (no mboxrd quoting needed). */
  fromSafe: boolean;
  /** No CR anywhere. */
  crFree: boolean;
}

/**
 * The constant parts of a campaign's Message-IDs (one per stage): the ID made
 * from a recipient's hash (a, b) is the prefix, the 16 hex digits of a and b,
 * and the suffix (text/hex.ts `hashedId`).
 */
export interface MessageIdForm {
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * The prepared message: everything a writer needs, decoded (writers encode).
 * Compose makes it; each format's writer (mail/) turns it into bytes.
 *
 * Compose's messages make `text` and `messageId` when first read (getters):
 * the mbox writer writes a batch's messages from their parts (the shape's
 * values, the hash) and never makes those strings. Copy a message by naming
 * its fields; a spread (`{ ...msg }`) leaves the getters behind.
 */
export interface Message {
  from?: Mailbox;
  to?: Mailbox;
  replyTo?: Mailbox;
  subject: string;
  /** Extra headers from the template (decoded values), in order. */
  headers: [string, string][];
  /** The body: LF line ends, tidy, one final newline. */
  text: string;
  /** Without angle brackets: `abc123@example.com`. */
  messageId: string;
  /**
   * When messageId was made from the recipient's hash: its form and the hash's
   * two 32-bit words (messageId is `hashedId(idForm, idA, idB)`; only their
   * bits count, `idA >>> 0` is the unsigned word), which a writer may write
   * instead of reading the string.
   */
  idForm?: MessageIdForm;
  idA?: number;
  idB?: number;
  /** The apology's Message-ID, for a follow-up. */
  inReplyTo?: string;
  date: Date;
  /** Stable key of the recipient (lower-cased address, or address#row). */
  key: string;
  stage: Stage;
  /** Facts about `text` known without scanning it (a message cut from a cached shape). */
  bodyFacts?: BodyFacts;
  /**
   * The shape the message was cut from and its values, when it was: `text`
   * and the template headers are that shape filled in, so the mbox writer can
   * copy the shape's constant bytes instead of encoding the text again.
   */
  shaped?: ShapedText;
  /** The HTML alternative (multipart/alternative), when asked for. */
  html?: string;
}

/** Where a writer puts bytes: `ensure(n)` makes room for n more bytes at `buf[used]`. */
export interface ByteTarget {
  buf: Buffer;
  used: number;
  ensure(n: number): void;
}
