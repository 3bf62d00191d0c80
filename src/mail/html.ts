/**
 * The HTML alternative of a message, made from the same rendered text: every
 * value is HTML-escaped here (and only here), paragraphs become <p>, "- "
 * lines become a list, and the sign-off keeps its line breaks. Inline styles
 * only, since mail clients drop <style> blocks.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const P = 'margin:0 0 16px 0;';
const LI = 'margin:0 0 4px 0;';

/** Links bare web and mail addresses, after escaping. */
function linkify(escaped: string): string {
  return escaped
    .replace(/\b(https?:\/\/[^\s<]+[^\s<.,;:!?)])/g, '<a href="$1" style="color:#1a5fb4;">$1</a>')
    .replace(/(^|[\s(])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g, '$1<a href="mailto:$2" style="color:#1a5fb4;">$2</a>');
}

export function textToHtml(text: string, subject: string, lang = 'en'): string {
  const blocks = text.trimEnd().split(/\n{2,}/);
  const html: string[] = [];
  blocks.forEach((block, i) => {
    const lines = block.split('\n');
    if (lines.every((l) => /^- /.test(l))) {
      html.push(`<ul style="margin:0 0 16px 0;padding-left:22px;">${lines.map((l) => `<li style="${LI}">${linkify(escapeHtml(l.slice(2)))}</li>`).join('')}</ul>`);
      return;
    }
    const head = lines.findIndex((l) => /^- /.test(l));
    if (head > 0 && lines.slice(head).every((l) => /^- /.test(l))) {
      html.push(`<p style="${P}">${linkify(escapeHtml(lines.slice(0, head).join(' ')))}</p>`);
      html.push(`<ul style="margin:0 0 16px 0;padding-left:22px;">${lines.slice(head).map((l) => `<li style="${LI}">${linkify(escapeHtml(l.slice(2)))}</li>`).join('')}</ul>`);
      return;
    }
    const last = i === blocks.length - 1;
    // the sign-off keeps its lines; other paragraphs are joined
    const inner = last && lines.length > 1 ? lines.map((l) => linkify(escapeHtml(l))).join('<br>') : linkify(escapeHtml(lines.join(' ')));
    html.push(`<p style="${P}${last && lines.length > 1 ? 'color:#333;' : ''}">${inner}</p>`);
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(/^[A-Za-z0-9-]{1,35}$/.test(lang) ? lang : 'en')}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f6f6f4;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f6f4;"><tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:6px;"><tr>',
    '<td style="padding:28px 32px;font-family:Georgia,\'Times New Roman\',serif;font-size:16px;line-height:1.55;color:#1d1d1d;">',
    ...html,
    '</td></tr></table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
