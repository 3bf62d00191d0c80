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
    let offsetLine = p.line;
    let consumed = 0;
    const lineStarts = lineOffsets(lines.slice(p.line - bodyLine), p.text);
    for (const part of parts) {
      const idx = p.text.indexOf(part, consumed);
      consumed = idx + part.length;
      offsetLine = p.line + lineStarts.filter((o) => o <= idx).length - 1;
      if (part.trim()) sentences.push({ text: part.trim(), line: offsetLine, paragraph: pi });
    }
  });
  return { subject, body, bodyLine, sentences, paragraphs };
}

/** Character offsets (in the joined paragraph) at which each source line starts. */
function lineOffsets(lines: string[], joined: string): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const l of lines) {
    const t = l.trim();
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
    const body = parsed.text ?? (parsed.html ? String(parsed.html).replace(/<[^>]+>/g, ' ') : '');
    const transferEncoded = /content-transfer-encoding:\s*(quoted-printable|base64)/i.test(text.slice(0, headerEnd));
    const checked = analyseText(body, transferEncoded ? 1 : bodyLine, parsed.subject ?? undefined);
    const subjectIdx = text.slice(0, headerEnd === -1 ? undefined : headerEnd).split(/\r?\n/).findIndex((l) => /^subject:/i.test(l));
    if (subjectIdx >= 0) checked.subjectLine = subjectIdx + 1;
    return checked;
  }
  return analyseText(text, 1);
}

function looksLikeEmail(text: string, name: string): boolean {
  if (/\.eml$/i.test(name)) return true;
  const head = text.slice(0, 2000);
  return /^(From|Subject|To|Date|Message-ID|MIME-Version|Return-Path|Received):[ \t]/im.test(head.split(/\r?\n\r?\n/)[0] ?? '') && /^[A-Za-z-]+:[ \t]/.test(head);
}
