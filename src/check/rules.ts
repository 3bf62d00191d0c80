/**
 * The apology check, as data. Each part of the pattern has signals (ways real
 * companies write it); each finding has patterns for a known non-apology form.
 * Sources are explained in docs/check.md.
 */

export type PartId = 'own-it' | 'explain' | 'commitment' | 'remedy' | 'humour' | 'sign-off';
export const PART_IDS: readonly PartId[] = ['own-it', 'explain', 'commitment', 'remedy', 'humour', 'sign-off'];

export interface Signal {
  pattern: RegExp;
  /** The sentence must speak in the first person (we, our, I…). */
  firstPerson?: boolean;
  /** A negation just before the match ("we will not…") cancels it. */
  negatable?: boolean;
}

export interface PartRule {
  id: PartId;
  weight: number;
  source: string;
  signals: Signal[];
  /** Hint when missing. */
  hint: string;
}

export const PART_RULES: PartRule[] = [
  {
    id: 'own-it',
    weight: 30,
    source: 'Lewicki, Polin & Lount 2016: acknowledgement of responsibility is the most important component',
    hint: 'Say plainly, in the first person, that it was your mistake: "We got this wrong, and it\'s on us."',
    signals: [
      { pattern: /\b(our|my) (own )?(fault|mistake|error|failure|responsibility|doing|bad|miss)\b/i, negatable: true },
      { pattern: /\b(on us|on me|ours to fix|our responsibility|(failure|mistake|fault|error|delay|mix-up|outage)( \w+)? (is|was) (entirely |all |completely )?ours)\b/i, negatable: true },
      { pattern: /\b(we|i) (really |badly |completely |clearly |simply )?(made (a|an|this) (\w+ )?(mistake|error)|messed up|got (this|it|that|your [\w-]+( [\w-]+)?) wrong|let (you|our customers|you all) down|failed( you)?|dropped the ball|fell short|blew it|screwed up|broke (our|a|the|that) (promise|commitment)|missed (it|the|our|your)|didn't deliver|did not deliver|wasted (it|your))/i, negatable: true },
      { pattern: /\b(i|we)('m| am|'re| are)? (truly |deeply |very |so |sincerely )?(sorry|apologi[sz]e)\b/i, negatable: true },
      { pattern: /\b(take|taking|accept|accepting) (full |complete |total |all )?(responsibility|ownership|the blame)\b/i, negatable: true },
      { pattern: /\b(this|that|it) (is|was)( (so|really|truly|frankly|completely|simply|totally))? (embarrassing|unacceptable|inexcusable|not good enough|not ok(ay)?|not acceptable)\b/i },
      { pattern: /\b(embarrassing|unacceptable|inexcusable)\b/i, firstPerson: true },
      { pattern: /\byou trusted us\b/i },
      { pattern: /\b(we|i) (own|owe you) (this|it|that|an apology|an explanation|better)\b/i, negatable: true },
      { pattern: /\b(not|isn'?t) (the courier'?s|your|anyone else'?s) (fault|doing)\b/i },
      { pattern: /\b(a|this) serious failure on our part\b|\bfailure on our part\b/i },
      { pattern: /\bwe (weren't|were not) there\b|\bwe didn't keep ours\b|\bwe put something else\b|\bwe (sent|shipped|gave|charged|billed) (you )?(the wrong|twice|too much)\b/i },
      { pattern: /(^|[,;:.!]\s*|\b(hi|hello|dear) \w+,?\s+)(so |really |very |truly )?sorry (about|for)\b/i, negatable: true },
    ],
  },
  {
    id: 'explain',
    weight: 20,
    source: 'Lewicki, Polin & Lount 2016: explanation of what went wrong; service recovery research: customers want to know why',
    hint: 'Explain what happened and why, in plain words, and how many customers it hit: "A label printer update sent 13,000 parcels to the wrong depot."',
    signals: [
      { pattern: /\b(because|due to|caused by|the (root )?cause|root cause|what happened|what went wrong|behind the scenes|here('s| is) (why|what happened|how)|how it happened|the reason|this happened|it happened (because|when)|turned out|traced (it|this|the (problem|issue))|we found (that|out)|resulted (from|in)|was the result of|came down to|went wrong)\b/i },
      { pattern: /\b(a|an|our|the) (bug|glitch|misconfigur\w+|configuration change|human error|training issue|upgrade|update|outage|change|failure|mix-?up) (in|on|at|to|that|which|made|meant|sent|caused|held|moved|locked|served)\b/i },
      { pattern: /\bwe (discovered|learned|found|identified|detected|noticed|realised|realized) (that|a|an|the)\b/i },
    ],
  },
  {
    id: 'commitment',
    weight: 20,
    source: 'Lewicki, Polin & Lount 2016: declaration of repentance (a concrete promise not to repeat it)',
    hint: 'Say concretely what changes so it will not happen again: "Every label run is now checked by a second person."',
    signals: [
      { pattern: /\bwe('ve| have)? (now |since |already |immediately )?(added|changed|retrained|trained|fixed|built|introduced|put in place|updated|implemented|rolled back|replaced|hired|set up|created|started|turned off|switched|moved|reviewed|audited|redesigned|rewritten|rewrote|automated|removed|disabled|patched|strengthened|tightened|doubled)\b/i, negatable: true },
      { pattern: /\b(going forward|from now on|from today|starting (today|now|immediately)|in (the )?future|so (that )?(this|it) (won't|will not|doesn't|does not|can't|cannot|never) happen|to (make sure|ensure|prevent|stop) (this|it|that)|never (happens )?again|double[- ]check(s|ed|ing)?|second (check|person|review|pair of eyes))\b/i },
      { pattern: /\b(is|are) now (checked|reviewed|tested|verified|required|scanned|confirmed|monitored|run|sent)\b/i },
      { pattern: /\bwhat('s| is| are| we're| we are)( \w+){0,2} chang(e|es|ed|ing)\b/i },
      { pattern: /\bwe will (now )?(\w+ ){0,3}(check|review|test|verify|monitor|train|retrain|require|add|change|fix|audit|rehearse|confirm)\b/i, negatable: true },
      { pattern: /\bnow (needs?|requires?|runs?|gets?|checks?|tests?)\b/i },
    ],
  },
  {
    id: 'remedy',
    weight: 15,
    source: 'Lewicki, Polin & Lount 2016: offer of repair (second in weight); Smith, Bolton & Wagner 1999: compensation matched to the failure',
    hint: 'Offer something that fits the harm (refund, credit, replacement, waived fee) and say how to reach a person.',
    signals: [
      { pattern: /\b(refund(ed|ing|s)?|credit(ed|s)?|coupon|discount|voucher|gift card|replacement|replac(e|ing) (it|them|the)|upgrade(d|s)?|waive(d|s)?|reimburs\w*|compensat\w*|money back|free of charge|at no (extra )?(cost|charge)|on the house|\d+ ?% off|[$£€] ?\d|make (it|this|things) right|put (it|this|things) right|cover (it|the cost|that)|free (shipping|delivery|pickup|return))/i },
    ],
  },
  {
    id: 'humour',
    weight: 0,
    source: 'The Zappos delay email (seeds/000): one light line, aimed at ourselves, only when the harm is small',
    hint: 'Optional: one light line aimed at yourselves, only for minor or moderate harm.',
    signals: [
      { pattern: /\b(sing(ing)?|song|sea shanty|smile|laugh|joke|kitten|teacup|dance|silly|weird|impression|giggle|haha|lol|herald|trumpet|stern talking-to|stand in the corner|grovel|dramatic reading)\b/i },
      { pattern: /[\u{1F600}-\u{1F64F}\u{1F923}]/u },
    ],
  },
  {
    id: 'sign-off',
    weight: 10,
    source: 'Service recovery research: a named person and a follow-up (seeds/003: the call the next day)',
    hint: 'Sign as a real person with a title, and promise a follow-up until it is closed.',
    signals: [],
  },
];

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface FindingRule {
  id: string;
  severity: FindingSeverity;
  source: string;
  hint: string;
  patterns: RegExp[];
  /** Skip matches after a negation or inside quotes. */
  negatable?: boolean;
}

export const FINDING_RULES: FindingRule[] = [
  {
    id: 'conditional-apology',
    severity: 'error',
    source: 'Lazare 2004, On Apology: the conditional non-apology',
    hint: 'Drop the "if": apologise for what happened, not for how it may have been received. "We charged you twice, and that was our mistake."',
    patterns: [/\b(sorry|apologi[sz]e|apologies|regret)\b[^.!?]{0,40}?\b(if (anyone|you|this|any|we)|to (anyone|those|all) who|for anyone who)\b/i],
    negatable: true,
  },
  {
    id: 'passive-voice',
    severity: 'error',
    source: 'Lazare 2004: the passive voice hides who acted ("mistakes were made")',
    hint: 'Name the agent: "We made a mistake" instead of "mistakes were made".',
    patterns: [/\b(mistakes?|errors?|missteps?|oversights?|poor decisions?) (were|was|have been|has been) (made|committed)\b/i, /\b(an?|the) (error|mistake|issue) occurred\b/i],
    negatable: true,
  },
  {
    id: 'minimising',
    severity: 'warning',
    source: 'Lazare 2004: minimising the offence; Lewicki et al. 2016: acknowledge the harm',
    hint: 'Name the real harm and the real number instead of "any inconvenience" or "a small number of".',
    patterns: [
      /\bany inconvenience\b|\bany (concern|confusion|frustration|disruption|trouble) (this|that|it) (may|might|has|could)\b/i,
      /\b(for|about) the inconvenience\b/i,
      /\b(may|might) have (caused|experienced|been affected|been impacted|been involved|noticed|involved|included)\b/i,
      /\b(a )?(small|limited|tiny|handful|minority) (number|percentage|subset|share) of\b/i,
      /\b(minor|slight|brief|small|temporary) (issue|glitch|hiccup|inconvenience|disruption|problem)\b/i,
    ],
    negatable: true,
  },
  {
    id: 'regret-feelings',
    severity: 'error',
    source: 'Lazare 2004: regretting the feeling instead of the act',
    hint: 'Apologise for what you did, not for how the customer feels about it.',
    patterns: [/\b(regret|sorry) (that )?(you|they|some) (feel|felt|were (upset|offended|disappointed))\b/i, /\bsorry you('re| are| were) (upset|offended|disappointed|unhappy)\b/i],
    negatable: true,
  },
  {
    id: 'blame-shifting',
    severity: 'warning',
    source: 'Lewicki et al. 2016: responsibility cannot be delegated; WRITING.md: blaming a supplier, the weather or the customer',
    hint: 'Own your part even when a partner was involved: "Our courier missed the slot, and choosing and checking them is our job."',
    patterns: [
      /\b(due to|because of|caused by|blame[sd]? on|the fault of)\b[^.!?]{0,40}\b(suppliers?|vendors?|partners?|couriers?|carriers?|third[- ]part(y|ies)|contractors?|the weather|storms?|our providers?|the post office|postal service|the bank)\b/i,
      /\bbeyond our control\b/i,
      /\byou (should have|failed to|forgot to|neglected to)\b/i,
      /\b(user|customer) error\b/i,
    ],
    negatable: true,
  },
  {
    id: 'corporate-filler',
    severity: 'warning',
    source: 'WRITING.md: what never appears',
    hint: 'Cut stock phrases; show it with specifics instead.',
    patterns: [
      /\bwe take (this|these|it|your [\w ]{1,60}|the [\w ]{1,60}|[\w ]{0,20}matters?) (very |extremely |incredibly )?seriously\b/i,
      /\b(your (business|satisfaction|trust|privacy|safety)|safety|security|privacy|customer service) is (always |very |extremely )?(important|our (top |highest |number one |first )?priority)\b/i,
      /\bwe value (you|your (business|custom|patience|loyalty|trust))\b/i,
      /\bthank you for your (patience|understanding)\b/i,
    ],
    negatable: true,
  },
  {
    id: 'vague-commitment',
    severity: 'warning',
    source: 'Lewicki et al. 2016: a declaration of repentance must be credible: concrete, not a wish',
    hint: 'Replace "we\'ll do better" with the actual change: what, who, from when.',
    patterns: [/\bwe('ll| will| are going to)( \w+)? (do|try to do|strive to do|work to do) better\b/i, /\bwe('re| are) (committed|working hard|determined) to (improv|do better|learn)/i, /\bwe (will|'ll) (learn from|take steps)\b/i, /\blessons? (have been|will be) learned\b/i],
  },
];

/**
 * Words that negate a match right after them in the same clause. A match is at most 41 characters
 * ("rather than" and 30 more): score.ts tries it on the last 64 characters only, so keep it short.
 */
export const NEGATION_BEFORE = /\b(not|never|no|without|instead of|rather than|won't|will not|wouldn't|refuse to|don't|do not|didn't|did not|isn't|nor)\b[^.,;:!?]{0,30}$/i;
export const FIRST_PERSON = /\b(i|i'm|i've|i'll|we|we're|we've|we'll|we'd|our|ours|us|my|me)\b/i;
/**
 * A way to reach a person: a phone number, an email address, or words for it. Linear on any input:
 * the address's local part is matched only from the start of its run of characters (the lookbehind)
 * and split without ambiguity (non-word characters, then a word character, then the rest), which
 * accepts exactly what `\b[\w.+-]+@[\w-]+\.[\w.-]+\b` does without trying every start inside a
 * long run. The phone number tries starts at digits only, and a run without a match has at most
 * seven digits.
 */
export const CONTACT = /(\+?\d[\d\s().-]{6,}\d)|(?<![\w.+-])[.+-]*\w[\w.+-]*@[\w-]+\.[.-]*\w|\b(call|phone|ring|text|reply to (this|that|our) (email|message|note)|reply (here|to me|to us)|just reply|write to|email (us|me)|contact (us|me|our)|reach (us|me|out|a person|a human)|get in touch|talk to (a|one of|someone)|direct line|live chat|chat with)\b/i;
export const FOLLOW_UP = /\b(i|we)('ll| will| am going to| are going to) (personally |also )?(check in|check back|follow up|call you|be in touch|get back to you|keep you (posted|updated|informed)|keep following up|write again|let you know)\b|\bfollow[- ]up\b|\bkeep following up\b/i;
export const SPECIFIC = /\d|\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|this week|next week)\b/i;
export const CLOSING = /^(sincerely|best|best wishes|kind regards|regards|warm(ly| regards| wishes)?|thanks|thank you( again)?( for [\w ]+)?|cheers|yours( truly| sincerely)?|with apologies|all the best|respectfully|take care|speak soon)[,.!]?$/i;
