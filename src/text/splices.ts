/**
 * Comma splices: a comma that joins two sentences ("…in that time, we didn't…"). The letter splits the certain
 * ones; the writer is told of every one. Shared by the English normaliser and the notes layer (which makes new
 * clauses of its own: "no more updates on class days, we test…" → "there are no more updates…, we test…").
 */
const SUBJECTS = '(I|you|we|they|he|she|it|there|nobody|no one|someone|everyone|nothing|either|neither|both)';
/** Verbs a clause after a comma may start with (besides any "-ed" word and any "…n't"). */
const VERBS = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'had', 'has', 'have', 'did', 'do', 'does', 'will', 'would', 'can', 'could',
  'should', 'shall', 'may', 'might', 'must', 'got', 'get', 'gets', 'went', 'go', 'goes', 'came', 'come', 'comes', 'made', 'make',
  'took', 'take', 'said', 'say', 'says', 'told', 'tell', 'found', 'find', 'left', 'leave', 'sent', 'send', 'paid', 'pay', 'saw',
  'see', 'knew', 'know', 'thought', 'felt', 'kept', 'keep', 'need', 'needs', 'needed', 'want', 'wants', 'lost', 'lose', 'ran',
  'run', 'sat', 'stood', 'waited', 'wait', 'gave', 'give', 'brought', 'bought', 'heard', 'meant', 'met', 'put', 'rang', 'spent',
  'still', 'now', 'also', 'then', "I'm", "you're", "we're", "they're", "it's", "I've", "you've", "we've", "they've", "I'll",
  "you'll", "we'll", "they'll", "I'd", "you'd", "we'd", "they'd", "he's", "she's", "there's",
]);
/** Words that open a clause that leans on the next one ("when you arrived, you…"): no splice. */
const LEANING = new Set([
  'when', 'if', 'because', 'as', 'since', 'although', 'though', 'while', 'once', 'until', 'unless', 'whenever', 'where', 'after',
  'before', 'even', 'whether', 'so', 'in', 'on', 'at', 'by', 'for', 'with', 'during', 'despite', 'without', 'to', 'from',
  'yes', 'no', 'sorry', 'unfortunately', 'sadly', 'again', 'however', 'also', 'instead', 'meanwhile', 'then', 'now',
  'today', 'yesterday', 'first', 'finally', 'luckily', 'thankfully', 'honestly', 'frankly', 'ok', 'okay', 'well', 'and', 'but', 'or',
]);
const FINITE = /(?<![\p{L}])(?:am|is|are|was|were|had|has|have|did|does|do|will|would|can|could|got|went|came|made|took|told|left|sent|paid|lost|ran|missed|forgot|broke|fell|gave|kept|put|said|saw|knew|found|thought|began|brought|bought|caught|hit|let|meant|met|set|shut|sold|spent|stood|stuck|tore|threw|woke|wrote|drove|flew|rang|sat|shipped|\p{L}{3,}ed|\p{L}+n't|\p{L}+['’](?:s|re|m|ve|ll|d))(?![\p{L}])/iu;

/** Words that make the clause before a comma lean on what follows (a subordinate clause): a splice there is not split. */
const SUBORDINATE = /(?<![\p{L}])(?:when|whenever|if|because|as|since|although|though|while|once|until|unless|where|after|before|whether|(?<!(?:in|at|on|by|for|from|with|during|of|to|until|since|all|like)\s)that|which|who|whom|whose|than)(?![\p{L}])/iu;

/** Each comma that joins two sentences, and whether it is certain (no subordinate clause before it): its index and subject. */
export function splices(text: string): { at: number; subject: string; tail: string; lead: string; sure: boolean }[] {
  const out: { at: number; subject: string; tail: string; lead: string; sure: boolean }[] = [];
  const re = new RegExp(`,\\s+${SUBJECTS}(['’](?:ll|re|ve|d|m|s))?\\s+([\\p{L}'’]+)`, 'giu');
  for (const m of text.matchAll(re)) {
    const [, subject, contracted, verb] = m;
    const v = verb!.replace(/’/gu, "'");
    // "…, you'll have it", "…, it's been": the verb is in the contraction.
    // After "we", "I" or "they" any word is the verb's place ("…, we test them first"); after "it" or "there" only a known verb.
    if (!contracted && !/^(?:we|I|they)$/iu.test(subject!) && !(VERBS.has(v) || VERBS.has(v.toLowerCase()) || /\p{L}{2,}ed$/iu.test(v) || /n't$/iu.test(v))) continue;
    const at = m.index!;
    const before = text.slice(0, at);
    const clauseStart = Math.max(before.search(/[^.!?;:,]*$/u), 0);
    const clause = before.slice(clauseStart).trim();
    const words = clause.split(/\s+/u).filter(Boolean);
    // A clause of its own: a finite verb, or a subject pronoun and its verb ("we now check twice").
    const ownSubject = /^(?:I|we|you|they|he|she|it|there)(?:['’]\p{L}+)?$/iu.test(words[0] ?? '');
    if (words.length < 3 || LEANING.has(words[0]!.toLowerCase()) || !(ownSubject || FINITE.test(clause))) continue;
    // A subject repeated after a list ("we checked, we rechecked") still splices; a clause that is a lead-in does not.
    const from = Math.max(0, at - 40);
    const lead = from > 0 ? before.slice(from).replace(/^\S*\s/u, '') : before;
    const tail = text.slice(at + 1).trim().split(/\s+/u).slice(0, 5).join(' ');
    // Certain: the sentence so far is one main clause (nothing subordinate, no earlier comma), and a subject follows.
    const sentenceStart = Math.max(before.search(/[^.!?;:]*$/u), 0);
    const sure = clauseStart === sentenceStart && !SUBORDINATE.test(clause) && /[\p{L}\p{N})]$/u.test(clause);
    out.push({ at, subject: subject!, tail, lead, sure });
  }
  return out;
}

/** The certain comma splices as two sentences ("…in that time, we didn't…" → "…in that time. We didn't…"). */
export function splitSplices(text: string): string {
  const found = splices(text).filter((s) => s.sure);
  if (found.length === 0) return text;
  let t = text;
  for (const s of found.reverse()) {
    const rest = t.slice(s.at + 1).replace(/^\s+/u, '');
    const head = s.subject === 'I' ? rest : rest[0]!.toUpperCase() + rest.slice(1);
    t = `${t.slice(0, s.at)}. ${head}`;
  }
  return t;
}


/** "…down most of Thursday evening so your class didn't happen": a result joined to a clause of its own takes a comma ("…evening, so your class…"). */
export function commaBeforeSo(text: string): string {
  if (!/\sso\s/u.test(text)) return text;
  return text.replace(/(?<=[\p{L}\p{N})'’])\s+so\s+(?=(?:your|you|we|our|the|it|they|nobody|no one|none|there|I|he|she|everyone|most|all)\s)/gu, (m, at: number, all: string) => {
    const clause = all.slice(0, at).split(/[,.;:!?]/u).pop()!.trim();
    const words = clause.split(/\s+/u);
    // A result follows something that happened ("…was down, so your class…"); "so" after a promise is a purpose ("we'll call you so you know").
    return words.length >= 4 && PAST.test(clause.replace(/(?<![\p{L}])(?:the|a|an|your|our|their|this|that|its|his|her|my)\s+\p{L}{3,}ed(?![\p{L}])/giu, '')) && !/^(?:please|pls|just|kindly)(?![\p{L}])/iu.test(clause) && !/(?<![\p{L}])(?:will|would|can|could|should|must|going to|to)(?![\p{L}])|['’]ll(?![\p{L}])/iu.test(clause) && !SUBORDINATE.test(clause) ? ', so ' : m;
  });
}

const PAST = /(?<![\p{L}])(?:was|were|had|did|\p{L}{3,}ed|went|came|broke|ran|fell|left|sent|took|got|lost|froze|\p{L}+n't)(?![\p{L}])/iu;
