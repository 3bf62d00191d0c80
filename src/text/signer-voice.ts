/**
 * The signer named in the third person in their own letter ("anything doesn't fit, ring Oliver direct on
 * 07700 900412", "Priya will call you Friday"): the writer typed it as a note for the team, but the
 * customer reads a letter Oliver signs. Said in the first person: "ring me directly on…", "I will call you".
 * English only; a team or a desk as the signer ("The Support Team") is left alone.
 */
const CONTACT_VERB = '(?:ring|call|phone|text|email|e-mail|message|contact|reach|ask for|speak to|talk to|write to)';

export function signerAsMe(text: string, signerName: string): string {
  const name = signerName.trim();
  if (!name || /\b(?:team|desk|office|support|department|service|crew|staff)\b/i.test(name)) return text;
  const first = name.split(/\s+/u)[0]!;
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(first)) return text;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const who = `(?:${esc(name)}|${esc(first)})`;
  if (!new RegExp(`(?<![\\p{L}])${who}(?![\\p{L}])`, 'u').test(text)) return text;
  return text
    .replace(new RegExp(`(?<![\\p{L}])(${CONTACT_VERB}) ${who}(?: (?:direct|directly))?(?![\\p{L}'’])`, 'giu'), (_m, verb: string) => `${verb} me directly`)
    .replace(new RegExp(`(^|[.!?]\\s+)${who} (will|'ll|’ll|is going to|can) (?=\\p{Ll})`, 'gu'), (_m, lead: string, aux: string) => `${lead}I ${aux === "'ll" || aux === '’ll' ? 'will' : aux === 'is going to' ? 'am going to' : aux} `)
    .replace(new RegExp(`(,\\s+|\\band\\s+)${who} (will|can) (?=\\p{Ll})`, 'gu'), (_m, lead: string, aux: string) => `${lead}I ${aux} `);
}
