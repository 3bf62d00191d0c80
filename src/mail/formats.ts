import type { ByteTarget, Message } from '../message.js';
import { toMboxEntry, writeMboxEntry, writeText } from './mbox.js';
import { toJsonLine, toJsonObject, toRfc5322, toText } from './rfc5322.js';

/** The formats a batch writes (the table of formats and flags is cli/options.ts). */
export type BatchFormat = 'mbox' | 'eml' | 'ndjson' | 'text';

const TEXT_SEPARATOR = `${'='.repeat(72)}\n`;

/** A message as the text of one entry of a stream format. */
export function formatEntry(msg: Message, format: BatchFormat, first: boolean): string {
  switch (format) {
    case 'mbox':
      return toMboxEntry(msg);
    case 'ndjson':
      return `${toJsonLine(toJsonObject(msg))}\n`;
    case 'text':
      return `${first ? '' : TEXT_SEPARATOR}${toText(msg)}`;
    case 'eml':
      return toRfc5322(msg, '\r\n');
  }
}

/** A message as the bytes of one entry, at the end of the target: each format's one writer. */
export function writeEntry(t: ByteTarget, msg: Message, format: BatchFormat, first: boolean): void {
  if (format === 'mbox') writeMboxEntry(msg, t);
  else writeText(t, formatEntry(msg, format, first));
}
