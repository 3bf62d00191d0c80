/**
 * The signer named in the third person in their own letter ("anything doesn't fit, ring Oliver direct on
 * 07700 900412", "Priya will call you Friday"): the writer typed it as a note for the team, but the
 * customer reads a letter Oliver signs. Said in the first person: "ring me directly on…", "I will call you".
 * English only; a team or a desk as the signer ("The Support Team") is left alone.
 */
const CONTACT_VERB = '(?:ring|call|phone|text|email|e-mail|message|contact|reach|ask for|speak to|talk to|write to)';
/** First names that are also English words: matched only with their capital. */
const WORD_NAMES = new Set(['will', 'may', 'bill', 'mark', 'grace', 'hope', 'rose', 'sue', 'pat', 'don', 'guy', 'art', 'rich', 'frank', 'joy', 'faith', 'dawn', 'summer', 'june', 'april', 'august', 'max', 'ray', 'jack', 'rob', 'bob', 'sky', 'star', 'amber', 'holly', 'ivy', 'penny', 'robin', 'chase', 'drew', 'gene', 'lance', 'miles', 'wade', 'ward', 'page', 'reed', 'rusty', 'sandy', 'bud', 'buck', 'cliff', 'dale', 'glen', 'heath', 'jay', 'kit', 'pearl', 'shell', 'sterling', 'van']);
/** The verbs in either case of their first letter, so the name beside them is matched in its own case ("call Will", never "we will"). */
const CONTACT_VERB_CI = CONTACT_VERB.replace(/(?<=\(\?:|\|)([a-z])/gu, (c: string) => `[${c.toUpperCase()}${c}]`);

export function signerAsMe(text: string, signerName: string): string {
  const name = signerName.trim();
  if (!name || /\b(?:team|desk|office|support|department|service|crew|staff)\b/i.test(name)) return text;
  // "call Dr Greer directly": the title and family name are the signer too (never "call me directly Greer directly").
  const title = /^(?:dr|mr|mrs|ms|miss|mx|prof)\.?(?=\s)/iu.exec(name)?.[0];
  const bare = title ? name.slice(title.length).trim() : name;
  const first = bare.split(/\s+/u)[0]!;
  const titled = title && bare.includes(' ') ? `${title} ${bare.split(/\s+/u).pop()!}` : '';
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(first)) return text;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  // A name typed in lower case ("ring greer") is still the signer, unless the name is also a word ("will", "may", "mark").
  const anyCase = (n: string) => (WORD_NAMES.has(first.toLowerCase()) ? esc(n) : esc(n).replace(/(?<![\p{L}])\p{Lu}/gu, (c) => `[${c}${c.toLowerCase()}]`));
  const who = `(?:${[name, bare, titled, first].filter((n, i, all) => n && all.indexOf(n) === i).sort((a, b) => b.length - a.length).map(anyCase).join('|')})`;
  if (!new RegExp(`(?<![\\p{L}])${who}(?![\\p{L}])`, 'u').test(text)) return text;
  return text
    // "ring me (Greer) directly", "call me, Greer, directly": the name beside "me" goes (never "ring me (me)").
    .replace(new RegExp(`(?<![\\p{L}])(me|I)(?:\\s*\\(${who}\\)|,\\s*${who},?|\\s+${who}(?=\\s+direct)|(?=\\s+directly,?\\s+${who}\\s+direct))`, 'gu'), '$1')
    .replace(new RegExp(`(?<![\\p{L}])me directly,?\\s+${who}\\s+direct(?:ly)?(?![\\p{L}])`, 'gu'), 'me directly')
    .replace(new RegExp(`(?<![\\p{L}])(${CONTACT_VERB_CI}) ${who}(?: (?:direct|directly))?(?![\\p{L}'’])`, 'gu'), (_m, verb: string) => `${verb} me directly`)
    // "call me directly (that's Greer directly) on…" leaves "me directly me directly": said once.
    .replace(/(?<![\p{L}])me directly,? me directly(?![\p{L}])/gu, 'me directly')
    .replace(new RegExp(`(^|[.!?]\\s+)${who} (will|'ll|’ll|is going to|can) (?=\\p{Ll})`, 'gu'), (_m, lead: string, aux: string) => `${lead}I ${aux === "'ll" || aux === '’ll' ? 'will' : aux === 'is going to' ? 'am going to' : aux} `)
    .replace(new RegExp(`(,\\s+|\\band\\s+)${who} (will|can) (?=\\p{Ll})`, 'gu'), (_m, lead: string, aux: string) => `${lead}I ${aux} `);
}

const SUBJECT_VERB: Readonly<Record<string, string>> = { is: 'am', "isn't": "am not", 'isn’t': 'am not', has: 'have', "hasn't": "haven't", 'hasn’t': 'haven’t', does: 'do', "doesn't": "don't", 'doesn’t': 'don’t', "'s": "'m" };

/**
 * notes12: the signer as the subject a note opens a sentence with, said as "I" before the note layer
 * reads it (which would otherwise take a name for a bare noun: "Priya forgot to send the quote" →
 * "The Priya forgot…"): "Priya forgot…" → "I forgot…", "Priya to check every order" (what the signer
 * will do) → "I'll check every order", "Priya's list" → "my list". A signer whose title says they
 * manage ("Store Manager") is "the manager" of a note too. A team as the signer is left alone.
 */
export function signerFirst(text: string, signerName: string, title = ''): string {
  const name = signerName.trim().replace(/^(?:dr|mr|mrs|ms|miss|mx|prof)\.?\s+/iu, '');
  if (!name || /\b(?:team|desk|office|support|department|service|crew|staff)\b/i.test(name)) return text;
  const parts = name.split(/\s+/u);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const names = [signerName.trim(), name];
  if (parts.length > 1 && parts[0]!.length >= 3 && /^\p{Lu}/u.test(parts[0]!)) names.push(parts[0]!);
  if (/manager/iu.test(title)) names.push('[Tt]he manager', '[Oo]ur manager');
  const who = `(?:${[...new Set(names)].sort((a, b) => b.length - a.length).map((n) => (n.includes('[') ? n : esc(n))).join('|')})`;
  if (!new RegExp(`(?<![\\p{L}])${who}(?![\\p{L}])`, 'u').test(text)) return text;
  let t = text.replace(new RegExp(`(?<![\\p{L}])${who}['’]s(?=\\s+\\p{Ll})`, 'gu'), 'my');
  // "Priya to check every order": what the signer will do.
  t = t.replace(new RegExp(`(^|[.!?;]\\s+|,\\s+(?:and\\s+)?)${who}\\s+to\\s+(?=\\p{Ll})`, 'gu'), "$1I'll ");
  let subject = false;
  t = t.replace(new RegExp(`(^|[.!?;]\\s+|,\\s+(?:and|but|so)\\s+|\\b(?:and|but|so|because|when)\\s+)${who}\\s+(?=(\\p{Ll}[\\p{L}'’]*))`, 'gu'), (_m, lead: string, verb: string) => {
    subject = true;
    if (SUBJECT_VERB[verb]) return `${lead}I ${SUBJECT_VERB[verb]}\u0000`;
    // "Ruth checks allergy orders herself" → "I check…".
    const own = /^(?:was|wasn't|had|hadn't|did|didn't|will|won't|would|can|can't|could|should|must|may|might|to|always|never|also|now|only|just|still|personally)$/u.test(verb) || !/^\p{Ll}+s$/u.test(verb) || /(?:ss|us|is)$/u.test(verb) ? undefined : /(?:sh|ch|x|z|ss)es$/u.test(verb) || /^(?:goes)$/u.test(verb) ? verb.slice(0, -2) : /[^aeiou]ies$/u.test(verb) ? `${verb.slice(0, -3)}y` : verb.slice(0, -1);
    return own ? `${lead}I ${own}\u0000` : `${lead}I `;
  });
  // (the verb that agreed with "I" replaces the one typed)
  t = t.replace(/\u0000\s*\S+/gu, '');
  return subject || /(?:^|\s)I'll\s/u.test(t) ? t.replace(/(?<![\p{L}])(?:his|her)(?=\s+(?!(?:back|up|down|out|off|over|to|for|at|on|in|about|with|a|an|the|today|tomorrow|again|know|that|this|when|if|and|but|so)(?![\p{L}]))\p{Ll})/gu, 'my').replace(/(?<![\p{L}])(?:himself|herself)(?![\p{L}])/gu, 'myself') : t;
}
