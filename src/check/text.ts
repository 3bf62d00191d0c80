/** A sentence of the checked text, with the line it starts on (1-based). */
export interface Sentence {
  text: string;
  line: number;
  /** Index of its paragraph. */
  paragraph: number;
}

export interface CheckText {
  subject?: string;
  /** Line of the Subject header in the file. */
  subjectLine?: number;
  body: string;
  /** Line number in the file where the body starts (1 for plain text). */
  bodyLine: number;
  sentences: Sentence[];
  paragraphs: { text: string; line: number }[];
}

const SENTENCE_END = /(?<=[.!?…])["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])/u;

/** Splits text into paragraphs (blank lines, list items) and sentences, keeping line numbers. */
export function analyseText(body: string, bodyLine = 1, subject?: string): CheckText {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: { text: string; line: number }[] = [];
  let current: { parts: string[]; line: number } | undefined;
  const close = () => {
    if (current) paragraphs.push({ text: current.parts.join(' '), line: current.line });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = bodyLine + i;
    if (line === '') return close();
    if (/^([-*•]|\d+[.)])\s+/.test(line) || /^[-–—]\s*\S/.test(line)) {
      close();
      paragraphs.push({ text: line.replace(/^([-*•]|\d+[.)])\s+/, ''), line: n });
      return;
    }
    if (!current) current = { parts: [], line: n };
    // A short line with no final stop ends a sentence of its own (greetings, sign-offs).
    current.parts.push(line);
    if (!/[.!?,:;…]$/.test(line) && line.split(/\s+/).length <= 6) close();
  });
  close();

  const sentences: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    // find the line of each sentence by walking the original lines of the paragraph
    const parts = p.text.split(SENTENCE_END);
    let consumed = 0;
    const lineStarts = lineOffsets(lines, p.line - bodyLine, p.text);
    let onLine = 0; // lineStarts[0..onLine] start at or before the current sentence
    for (const part of parts) {
      const idx = p.text.indexOf(part, consumed);
      consumed = idx + part.length;
      while (onLine + 1 < lineStarts.length && lineStarts[onLine + 1]! <= idx) onLine++;
      if (part.trim()) sentences.push({ text: part.trim(), line: p.line + onLine, paragraph: pi });
    }
  });
  return { subject, body, bodyLine, sentences, paragraphs };
}

/** Character offsets (in the joined paragraph) at which each source line from `from` on starts. */
function lineOffsets(lines: string[], from: number, joined: string): number[] {
  const out: number[] = [];
  let pos = 0;
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') break;
    const idx = joined.indexOf(t, pos);
    if (idx === -1) break;
    out.push(idx);
    pos = idx + t.length;
  }
  return out.length ? out : [0];
}

/** Reads a plain-text apology, or an .eml (MIME decoded; Subject checked too). */
export async function loadForCheck(raw: Buffer, name: string): Promise<CheckText> {
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  if (looksLikeEmail(text, name)) {
    const { simpleParser } = await import('mailparser');
    const parsed = await simpleParser(raw);
    const headerEnd = text.search(/\r?\n\r?\n/);
    const bodyLine = headerEnd === -1 ? 1 : text.slice(0, headerEnd).split(/\r?\n/).length + 2;
    const body = parsed.text ?? (parsed.html ? stripTags(String(parsed.html)) : '');
    const transferEncoded = /content-transfer-encoding:\s*(quoted-printable|base64)/i.test(text.slice(0, headerEnd));
    const checked = analyseText(body, transferEncoded ? 1 : bodyLine, parsed.subject ?? undefined);
    const subjectIdx = text.slice(0, headerEnd === -1 ? undefined : headerEnd).split(/\r?\n/).findIndex((l) => /^subject:/i.test(l));
    if (subjectIdx >= 0) checked.subjectLine = subjectIdx + 1;
    return checked;
  }
  return analyseText(text, 1);
}

/**
 * Tags out, as `/<[^>]+>/g` would, but only up to the last `>`: a `<` with no `>` after it can start
 * no tag, and trying each one to the end of the text would be quadratic.
 */
function stripTags(html: string): string {
  const end = html.lastIndexOf('>') + 1;
  return html.slice(0, end).replace(/<[^>]+>/g, ' ') + html.slice(end);
}

function looksLikeEmail(text: string, name: string): boolean {
  if (/\.eml$/i.test(name)) return true;
  const head = text.slice(0, 2000);
  return /^(From|Subject|To|Date|Message-ID|MIME-Version|Return-Path|Received):[ \t]/im.test(head.split(/\r?\n\r?\n/)[0] ?? '') && /^[A-Za-z-]+:[ \t]/.test(head);
}
