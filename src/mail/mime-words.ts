import libqp from 'libqp';

// RFC 2047 encoded-words and header folding, UTF-8 only: the three functions of libmime 5.6
// (MIT, Andris Reinman) that apologize uses, ported as they are, so the output is byte for byte
// what libmime gives. libmime itself loads iconv-lite and encoding-japanese (~0.8 MB) to decode
// other charsets, which apologize never does: a 20-row batch paid ~60 ms of start-up for them.

const CHARSET = 'UTF-8';

/** One or more UTF-8 encoded-words (`=?UTF-8?Q?…?=`) for `data`; split into words of at most `maxLength` when it is set. */
export function encodeWord(data: string, mimeWordEncoding: 'Q' | 'B', maxLength = 0): string {
  let encodedStr = '';
  if (maxLength && maxLength > 7 + CHARSET.length) maxLength -= 7 + CHARSET.length;
  if (mimeWordEncoding === 'Q') {
    // https://tools.ietf.org/html/rfc2047#section-5 rule (3)
    encodedStr = libqp.encode(data).replace(/[^a-z0-9!*+\-/=]/gi, (chr) => {
      const ord = chr.charCodeAt(0).toString(16).toUpperCase();
      return chr === ' ' ? '_' : `=${ord.length === 1 ? `0${ord}` : ord}`;
    });
  } else {
    encodedStr = data;
    maxLength = maxLength ? Math.max(3, ((maxLength - (maxLength % 4)) / 4) * 3) : 0;
  }
  if (maxLength && (mimeWordEncoding !== 'B' ? encodedStr : base64(data)).length > maxLength) {
    if (mimeWordEncoding === 'Q') {
      encodedStr = splitMimeEncodedString(encodedStr, maxLength).join(`?= =?${CHARSET}?${mimeWordEncoding}?`);
    } else {
      // An encoded-word holds whole characters (RFC 2047 6.3): never split a code point.
      const parts: string[] = [];
      let lpart = '';
      for (const chr of encodedStr) {
        if (Buffer.byteLength(lpart + chr) <= maxLength || !lpart) lpart += chr;
        else {
          parts.push(base64(lpart));
          lpart = chr;
        }
      }
      if (lpart) parts.push(base64(lpart));
      encodedStr = parts.length > 1 ? parts.join(`?= =?${CHARSET}?${mimeWordEncoding}?`) : parts.join('');
    }
  } else if (mimeWordEncoding === 'B') {
    encodedStr = base64(data);
  }
  return `=?${CHARSET}?${mimeWordEncoding}?${encodedStr}${encodedStr.slice(-2) === '?=' ? '' : '?='}`;
}

/** Text with the stretch from the first to the last non-ASCII word as encoded-words, the rest as it is. */
export function encodeWords(data: string, mimeWordEncoding: 'Q' | 'B', maxLength = 0): string {
  const decodedValue = Buffer.from(data || '', 'utf8').toString('utf8'); // a lone surrogate becomes U+FFFD, as libmime has it
  const firstMatch = decodedValue.match(/(?:^|\s)([^\s]*[\u0080-\uFFFF])/);
  if (!firstMatch) return decodedValue;
  const startIndex = firstMatch.index! + (firstMatch[0].match(/[^\s]/) ?? { index: 0 }).index!;
  let lastIndex = decodedValue.length - 1;
  while (lastIndex >= 0 && decodedValue.charCodeAt(lastIndex) < 0x80) lastIndex--;
  const wordEnd = decodedValue.slice(lastIndex + 1).search(/\s/);
  const endIndex = wordEnd < 0 ? decodedValue.length : lastIndex + 1 + wordEnd;
  return (
    (startIndex ? decodedValue.substring(0, startIndex) : '') +
    encodeWord(decodedValue.substring(startIndex, endIndex), mimeWordEncoding, maxLength) +
    (endIndex < decodedValue.length ? decodedValue.slice(endIndex) : '')
  );
}

/** Folds a header line at white space to lines of at most `lineLength` where it can (CRLF between lines). */
export function foldLines(input: string, lineLength = 76): string {
  const str = input || '';
  let pos = 0;
  const len = str.length;
  let result = '';
  let line: string;
  let match: RegExpMatchArray | null;
  while (pos < len) {
    line = str.substring(pos, pos + Math.max(lineLength, 0));
    if (line.length < lineLength) {
      result += line;
      break;
    }
    if ((match = line.match(/^[^\n\r]*(\r?\n|\r)/))) {
      line = match[0];
      result += line;
      pos += line.length;
      continue;
    } else if ((match = line.match(/(\s+)[^\s]*$/)) && match[0].length < line.length) {
      line = line.substring(0, line.length - match[0].length);
    } else if ((match = str.slice(pos + line.length).match(/^[^\s]+(\s*)/))) {
      line = line + match[0].substring(0, match[0].length - (match[1] || '').length);
    }
    result += line;
    pos += line.length;
    if (pos < len) result += '\r\n';
  }
  return result;
}

function base64(text: string): string {
  return Buffer.from(text, 'utf-8').toString('base64');
}

/** Splits Q-encoded text into pieces of at most `maxlen`, never inside an `=XX` escape or a UTF-8 sequence. */
function splitMimeEncodedString(str: string, maxlen: number): string[] {
  const lines: string[] = [];
  let curLine: string;
  let fallbackLine: string;
  let match: RegExpMatchArray | null;
  let done: boolean;
  maxlen = Math.max(maxlen || 0, 12); // room for a 4-octet UTF-8 sequence
  while (str.length) {
    curLine = str.substring(0, maxlen);
    if ((match = curLine.match(/[=][0-9A-F]?$/i))) curLine = curLine.substring(0, match.index);
    fallbackLine = curLine.length ? curLine : str.substring(0, maxlen);
    done = false;
    while (!done && curLine.length) {
      done = true;
      if ((match = str.slice(curLine.length).match(/^[=]([0-9A-F]{2})/i))) {
        const chr = parseInt(match[1]!, 16);
        if (chr < 0xc2 && chr > 0x7f && /=[0-9A-F]{2}$/i.test(curLine)) {
          curLine = curLine.substring(0, curLine.length - 3);
          done = false;
        }
      }
    }
    if (!curLine.length) curLine = fallbackLine;
    lines.push(curLine);
    str = str.slice(curLine.length);
  }
  return lines;
}
