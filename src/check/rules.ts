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
    // found from clauses: CLAUSE_RULES.faultVerbs, successVerbs, ownPhrases (score.ts ownIt)
    signals: [],
  },
  {
    id: 'explain',
    weight: 20,
    source: 'Lewicki, Polin & Lount 2016: explanation of what went wrong; service recovery research: customers want to know why',
    hint: 'Explain what happened and why, in plain words, and how many customers it hit: "A label printer update sent 13,000 parcels to the wrong depot."',
    // found from clauses: CLAUSE_RULES.mechanismVerbs, causeWords, framing (score.ts explain)
    signals: [],
  },
  {
    id: 'commitment',
    weight: 20,
    source: 'Lewicki, Polin & Lount 2016: declaration of repentance (a concrete promise not to repeat it)',
    hint: 'Say concretely what changes so it will not happen again: "Every label run is now checked by a second person."',
    // found from clauses: CLAUSE_RULES.changeVerbs, changeNouns, vagueNouns (score.ts commitment)
    signals: [],
  },
  {
    id: 'remedy',
    weight: 15,
    source: 'Lewicki, Polin & Lount 2016: offer of repair (second in weight); Smith, Bolton & Wagner 1999: compensation matched to the failure',
    hint: 'Offer something that fits the harm (refund, credit, replacement, waived fee) and say how to reach a person.',
    signals: [
      { pattern: /\b((?<!\b(?:accidental|mistaken|erroneous|incorrect|duplicate|unintended|wrong) )refund(ed|ing|s)?|credit(ed|s)?\b(?! (card|report|file|histor|score|rating|bureau|check))|coupon|discount|voucher|gift card|replacement|replac(e|ing) (it|them|the)|(?<!\b(?:infrastructure|system|systems|software|server|servers|database|network|platform|security|os|firmware|hardware|planned|routine|scheduled|technical|automated|automatic) )upgrade(d|s)?\b(?! (our|the|its|their|all|every) (\w+ )?(databases?|servers?|systems?|software|infrastructure|networks?|platforms?|os|firmware|hardware|clusters?|versions?|stack|machines?|fleet))|waive(d|s)?|reimburs\w*|compensat\w*|money back|free of charge|at no (extra )?(cost|charge)|on the house|\d+ ?% off|[$£€] ?\d|cover (it|the cost|that)|free (shipping|delivery|pickup|return)|bonus points|reward points|\d[\d,]* (\w+ )?points(?! of\b)|out of pocket|as (my|our) guests?|honou?r(ing)? (all )?(the )?(purchases|orders|bookings|the price)|(free|complimentary)( \w+){0,3} (monitoring|protection|months?|membership|subscriptions?|meals?|nights?|stays?|tickets?)|(identity theft|fraud) (insurance|protection)|make (\w+ ){0,3}(economically |financially )?whole|offer(ing)?( \w+){0,4} (monitoring|protection))/i, negatable: true },
      { pattern: /\b(no one|nobody|no (\w+ )?(customer|member|client|user|passenger|guest|account holder)|none of you)( \w+){0,3} (will be|is|are) (left )?out of pocket\b/i },
      // "they will assist in granting your account 500 Atoms": something put into the account of the people harmed
      { pattern: /\b(grant|granting|granted|add|adding|added|credit|crediting|deposit|depositing|deposited)( \w+)? (you|your account|your wallet|each account|every account|all accounts)( with)? (\d|an? (free|extra|bonus)|free|extra|bonus)/i, negatable: true },
      // "we're going to offer you a free PC download game": something free given to the people harmed
      { pattern: /\b(offer|offering|give|giving|send|sending)( \w+)? (you|each of you|all of you|every (\w+ )?(customer|player|member|user)|(all )?(affected |impacted )?(customers|players|members|users))( \w+){0,2} (a |an )?(free|complimentary)\b/i, negatable: true },
      // "any fees incurred as a result will be reversed" (LABELLING-round4.md: fees reversed are a remedy)
      { pattern: /\b(fees?|charges?|penalt(y|ies)|interest)\b[^.;]{0,60}\b(will be|have been|has been|are being|is being|'ll be) (fully |automatically )?(reversed|refunded|cancell?ed|removed)\b|\b(we|i)('ll| will| have| 've| are| 're)( \w+)? revers(e|ed|ing) (any|all|the|those|these|your)( \w+){0,2} (fees?|charges?|penalt(y|ies)|interest)\b/i, negatable: true },
      // "You won't be charged for any of this", "there's nothing to pay for the visit we missed": a charge waived,
      // said from the customer's side (the waived-fee remedy without an amount; the negation is the offer itself).
      { pattern: /\byou (won't|will not|shan't|don't|do not) (be charged|have to pay)\b|\bthere(?:'s| is) (still )?nothing (more )?(for you )?to pay\b/i },
      { pattern: /\b(tell|let) (me|us)\b[^.]{0,80}\b(we'll|we will|i'll|i will) (make|put) (it|this|things) right\b/i },
    ],
  },
  {
    id: 'humour',
    weight: 0,
    source: 'The Zappos delay email (seeds/000): one light line, aimed at ourselves, only when the harm is small',
    hint: 'Optional: one light line aimed at yourselves, only for minor or moderate harm.',
    signals: [
      // HUMOUR_MARKERS below
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

/**
 * The clause lists (read by clauses.ts and score.ts). A part is found from what a clause does, not
 * from a phrase: who acts (the subject), the verb, its tense and negation, and what it acts on.
 * Sources: Lewicki, Polin & Lount 2016 (acknowledgement of responsibility needs the act, not the
 * regret; a declaration of repentance must say what changes); Lazare 2004 (apologising for the
 * other person's feelings or a side effect is not owning the act); the corpus labels in
 * tests/fixtures/corpus and their criteria in docs/check.md.
 */
export const CLAUSE_RULES = {
  /** own-it: the writer (we, I, our team…) is the agent of one of these, not negated. */
  faultVerbs: ['fail', 'lead', 'mess', 'screw', 'blow', 'botch', 'bungle', 'fumble', 'overlook', 'neglect', 'ignore', 'underestimate', 'misjudge', 'mishandle', 'mislead', 'forget', 'overcharge', 'disappoint', 'subject', 'lose', 'waste', 'strand', 'miss', 'drop', 'fall', 'let', 'break', 'cause', 'expose', 'mislabel', 'misroute', 'misprint', 'misprice', 'delete', 'wipe', 'hurt', 'fuck', 'allow'],
  /** …but only with an object that names the failure (else "we let you know" would count). */
  faultObjects: {
    let: /\b(you|them|everyone|our customers|customers|people|users|members)\b.*\bdown\b|^down\b/,
    drop: /\bball\b/,
    // "we fell short", "we fell far below the standards you expect", "fell well behind on orders"
    fall: /^(?:\w+ )?(?:short|below|behind)\b/,
    miss: /\b(mark|deadline|slot|appointment|date|window|it|this|that|your|the signs?|signals?|fact|step|steps|details?)\b/,
    break: /\b(promise|trust|word|commitment|it|things)\b/,
    lead: /^to\b.*\b(bad|wrong|poor|harm|problems?|outage|failures?|mistakes?|errors?|disruption|delays?|chaos|mess|this)\b/,
    // (and a fault brought in: "I caused a regression in the refactoring of PR #384")
    cause: /\b(problem|problems|harm|damage|disruption|outage|delay|delays|impact|experience|pain|trouble|chaos|mess|inconvenience|this|regressions?|bugs?|crash(?:es)?|breakage|downtime)\b/,
    lose: /\b(data|your|orders?|bags?|baggage|luggage|records?|hours|money|files|trust)\b/,
    blow: /\b(it|this)\b/,
    // someone disappointed ("we disappointed you", "I have disappointed many of our fans"); not the adjective in "how angry and disappointed you must be"
    disappoint: /^(?:\w+ ){0,3}?(you|them|everyone|customers|people|users|members|fans|many|our|so many|a lot)\b/,
    // "we allowed this to happen" (not "we allowed customers to rebook")
    allow: /^(this|it|that|(the|this|that|such an?) [\w-]+( [\w-]+)?) to (happen|occur|continue|go on)\b/,
  } as Record<string, RegExp>,
  /** own-it: the writer is the agent of one of these *negated* ("we did not get this right"). */
  successVerbs: ['get', 'live', 'deliver', 'meet', 'keep', 'prevent', 'protect', 'catch', 'notice', 'handle', 'communicate', 'show', 'support', 'do', 'follow', 'tell', 'honour', 'honor', 'check', 'test', 'verify', 'plan', 'prepare',
    // the writer's attention denied in the past: "I did not realize I was spamming you", "we didn't wait for the CI",
    // "did not account for CI already running" (LABELLING.md own-it: the writer the agent of the failure; an oversight is
    // an act). Not foresight: "we did not anticipate this" is an outside surprise (round 4: Cedar Creek, own-it absent).
    'realize', 'realise', 'consider', 'think', 'wait', 'read', 'account',
    // an upkeep the writer left undone: "I didn't update the card details, so the domain couldn't renew"
    'update', 'renew', 'pay'],
  /**
   * own-it: a sentence that opens with one of these in the past and no subject is the writer's diary ("Forgot to disable
   * auto-merge", "Messed up the release notes"): its elided subject is the writer (LABELLING-round9.md: cilium, read as
   * "I forgot"). Verbs that are a failure whatever they act on; the objects faultObjects asks for still apply.
   */
  elidedWriterVerbs: /^(forget|mess|screw|botch|bungle|fumble|overlook|neglect|misjudge|mishandle|underestimate|mislabel|misroute|misprint|misprice|miss|fail|break)$/,
  /** own-it: the writer's act done on the wrong thing ("I've copied the wrong upstream", "we changed the wrong character"), whatever the verb. */
  wrongObject: /^(?:the|a|an|our|my) (?:[\w-]+ )?wrong\b/,
  /**
   * own-it (session 16, rounds 12 and 13 by class): the writer's act done in, to, into or with the wrong thing, the wrong thing
   * named after what was acted on or after a preposition ("I plugged the keyboard into the wrong server", "I've accidentally
   * pushed to the wrong remote", "I ran the script in the wrong directory"): LABELLING.md own-it, the writer the agent of the
   * failure; the act is the failure whatever the verb, as with wrongObject.
   */
  wrongPlace: /^(?:[\w'-]+ ){0,4}?(?:to|into|onto|with|in|on|at|from|under) (?:the|a|an|our|my) (?:[\w-]+ )?wrong\b/,
  /**
   * own-it (session 16, rounds 12 and 13 by class): an apology whose object is the writer's own act left undone, "we apologize for
   * not handling the situation properly", "apologizing for not delivering a good and reliable environment", "sorry for not having
   * called an early dismissal": the verb after "not" is one of successVerbs, and the writer failed at it (LABELLING.md own-it: "our
   * failure to notify"; the apology's object is the act, not the impact). The -ing word is captured; its lemma must be a success verb
   * and not one of announcementVerbs.
   */
  apologyForOmission: /\b(?:apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|sorry|regret)\b[^.;:!?]{0,24}? for (?:not|never) (?:having )?([a-z]+ing)\b/i,
  /**
   * own-it: what the writer did not say, as an apology's object, is the announcement ("we apologize for not communicating better
   * with you during this issue", rounds 1–3: Chase, own-it absent): LABELLING.md, an apology whose object is the announcement.
   */
  announcementVerbs: /^(communicate|tell|inform|notify|update|keep|respond|reply|show)$/,
  /**
   * own-it: the writer putting out a thing that is itself the fault ("I pushed the tag without the commit", "I managed to push the
   * same broken code three times", "we published the same stock page two days in a row", "I shipped a version … that introduced
   * more bugs"): verbs of putting a thing out, and what makes the thing put out the failure (session 14, round 11 by class).
   */
  putOutVerbs: /^(ship|push|publish|release|deploy|send|post|print|merge|upload|commit|tag|roll|run|install|apply|distribute|issue)$/,
  defectiveObject: [
    // a defect named on the thing: "the same broken code", "a buggy build", "an outdated list", "an untested migration"
    /^(?:the |a |an |our |my |this |that |some |two |three )?(?:same |new |latest |whole )?(?:[\w-]+ )?(?:broken|buggy|faulty|defective|corrupt(?:ed)?|untested|unfinished|half-finished|outdated|out-of-date|stale|incomplete)\b/,
    // the same thing put out again: "the same stock page two days in a row", "the same email twice"
    /^(?:the|that|this) same (?:[\w-]+ ){0,3}?(?:twice|again|(?:two|three|four|several|\d+) (?:times|days in a row)|in a row|two days running)\b/,
    // put out without a part it needs: "the tag without the commit", "the release without its migration"
    /^(?:the|a|an|our|my|this|that) (?:[\w-]+ ){0,2}?without (?:the|its|a|an|any) (?!(?:warning|notice|delay|incident|issue|problem|hitch)s?\b)[\w-]+/,
  ],
  /** What a thing put out brought in, told in a relative clause after it ("… a version of the app that introduced more bugs"). */
  broughtFault: /^(?:(?:\w+ly|also|even) )?(?:(?:introduced|contained|caused|broke|triggered|had|carried) (?:a |an |the |more |new |several |some |two |many )?(?:[\w-]+ ){0,2}?(?:bugs?|regressions?|errors?|faults?|crash(?:es)?|defects?|breaking changes?|problems)\b|(?:caused|made|forced) (?:the |our |an? |some |many )?(?:[\w-]+ ){0,2}?(?:app|apps|site|service|server|servers|build|builds|page|pages|checkout|game|client|clients) to (?:hang|crash|freeze|fail|stop|break|hang|loop|restart|go down)\b)/,
  /** own-it: a safeguard the writer does not or did not have ("I don't have a process for rolling back", "we had no test for…"). */
  missingSafeguard: /^(?:a|any|an) (?:[\w-]+ ){0,2}?(?:process|procedure|test|tests|check|checks|monitoring|alert|alerts|alerting|backups?|runbook|safeguards?|way) (?:for|to|in place|that|on|of)\b/,
  /** own-it: "I managed to push the same broken code three times", "we ended up deleting…": the act inside the ironic frame is the writer's. */
  managedFrame: /^(?:manag|end)$/,
  /** own-it: with "make" ("we made a big mistake", "we made the wrong call"). */
  madeObject: /\b(mistakes?|errors?|blunders?|mess|wrong (call|decision|choice)|bad (call|decision|choice)|poor (call|decision|choice)|misstep|oversights?|misjudge?ments?|(bad|poor) judge?ment)\b/,
  /** own-it: "got it wrong", "got your order wrong". */
  gotWrong: /\bwrong\b/,
  /** own-it phrases where the owning is in the words, not a verb: possession of the fault, taking responsibility. */
  ownPhrases: [
    // (not a duty: "we recognize our responsibility when people travel with us", "our responsibility to protect your data")
    // ("our decision to withdraw it" tells what was decided, not a fault)
    /\b(our|my) (own )?(fault|mistake|error|failure|oversight|recklessness|carelessness|negligence|thoughtlessness|insensitivity|doing|responsibility(?! (?:to|when|for|as|towards?)\b)|call|bad|miss|decision(?! to\b))\b/i,
    // the responsibility predicated of the writer, whatever follows: "it is my responsibility to ensure that your website is up"
    // (LABELLING-round9.md: responsibility taken despite an outside cause), not a duty named inside a clause ("we recognise our responsibility to…")
    /\b(it|this|that) (is|was) (ultimately |entirely |solely |squarely |wholly )?(my|our) responsibility\b/i,
    /\b((it'?s|that'?s|this is|this was|that was|was|is) (all |entirely |squarely |completely )?on (us|me)|ours to fix|(?:my|our) (?:problem|mess|job) to (?:fix|solve|sort out|put right)|(?:hold|holding|put|putting) (?:(?:our|my) hands? up|up (?:our|my) hands?)|(?:i'?m|i am|we'?re|we are) the (?:ones?|person|people) (?:to blame|at fault|responsible)|(was|is) (all |entirely |squarely |completely )?down to (us|me)|no one to blame (for it )?but (us|me)|nobody to blame but (us|me)|the buck stops with (us|me))\b/i,
    /\b(failure|mistake|fault|error|delay|mix-up|outage|blame|decision)( \w+)? (is|was|lies|rests) (entirely |all |completely |squarely |solely )?(ours|mine|with us|with me)\b/i,
    // the blame placed on the writer: "The blame falls solely on my shoulders", "the fault lies on us"
    /\b(blame|fault|responsibility)( for [^.;,!?]{1,40}?)? (falls|fell|lies|rests|sits) (\w+ly )?(on|upon) (me|us|my shoulders|our shoulders)\b/i,
    /\b(take|taking|accept|accepting|own|owning)s? (full |complete |total |all |the )?(responsibility|ownership|accountability|the blame)\b/i,
    /\b(not|isn'?t|wasn'?t) (the courier'?s|your|anyone else'?s|the carrier'?s) (fault|doing)\b/i,
    // "a dumb mistake on my part", "a serious failure on our part"
    /\b(failure|mistake|error|oversight|misstep|blunder|fault|lapse)s? on (our|my) part\b/i,
    // "an oversight in how we had been performing ongoing testing": the fault named in the writer's own way of doing it
    /\b(failure|failing|mistake|error|oversight|misstep|fault|flaw|lapse)s? (in|with) (how|the way) (we|i) \w+/i,
    // the writer's own act named in a relative clause and judged: "the fix we did the day before was slightly too aggressive"
    /\b(the|that|this) (\w+ )?(fix|change|update|decision|call|choice|email|message|post|reply|response|estimate) (that |which )?(we|i) (did|made|sent|pushed|deployed|chose|took|gave|wrote|posted)\b[^.;!?]{0,60}? (was|were) (\w+ ){0,2}?(wrong|incorrect|mistaken|a mistake|an error|inappropriate|premature|too (aggressive|hasty|broad|early|late|slow|optimistic))\b/i,
    // the writer's own thing named with its fault: "the inappropriate image we recently shared", "the misleading figures I posted"
    /\b(?:inappropriate|offensive|insensitive|hurtful|careless|thoughtless|misleading|incorrect|erroneous|wrong|tone-deaf) (?:[\w-]+ ){0,2}?(?:that |which )?(?:we|i) (?:had |have )?(?:\w+ly )?(?:shared|posted|sent|published|made|wrote|tweeted|printed|ran|released|used|gave|put out)\b/i,
    // "it is wholly self-inflicted", "we deserve the criticism": the fault taken in so many words
    /\b(it|this|that|the damage|the harm|the problem) (is|was) (wholly |entirely |completely |all )?self-inflicted\b|\b(we|i) (fully |rightly |completely )?deserve (the |this |all the |every bit of the )?(criticism|blame|anger|backlash)\b/i,
    // "I am ultimately responsible", "we are accountable for this failure" (not a duty: "we are responsible for keeping your data safe")
    /\b(i am|i'm|we are|we're) (ultimately |fully |solely |entirely |directly )?(responsible|accountable|to blame)\b(?! for (?!(this|that|it|what happened|the (\w+ )?(outage|failure|mistake|error|delay|breach|incident|problem|disruption))\b))/i,
    // "I was wrong", "we were wrong to cancel": the writer's own act judged (not "I was wrong about the date" told of a guess)
    /\b(we|i) (was|were) (simply |plainly |completely |just )?(wrong|at fault|to blame|out of line)\b(?! about)/i,
    /\b(we|I) (got|get) (that|this|it|that one|this one|things|everything) (badly |completely |very |so |all )?wrong\b/i,
    /\b(we|I) (caused|created) (that|this|it|all of this|all of that)\b/i,
    // (not the impact: "sorry for the worry we caused", "the inconvenience we have caused" apologise for the experience, LABELLING.md R9)
    /\b(let-?down|mess|delay)s? (that )?(we|I) (caused|created)\b/i,
    /\b(this|that|it) (is|was)( (so|really|truly|frankly|completely|simply|totally|deeply))? (embarrassing|inexcusable)\b/i,
    // the writer's own act named and judged wrong: "my attempt at humor regarding … was poorly timed and absolutely inappropriate"
    /\b(our|my) (?:[\w-]+ ){0,2}(attempt|decision|choice|tweet|post|comment|remark|words|joke|campaign|ad|advert|email|message|handling|response)\b[^.;!?]{0,100}? (was|were|has been) (?:(?!not\b|never\b)\w+ ){0,2}?(inappropriate|insensitive|offensive|thoughtless|careless|tone-deaf|misguided|ill-judged|ill-advised|unacceptable|(poorly|badly) (timed|judged|handled|worded|thought out))\b/i,
    // a judgement of our own act: "our first estimate was wrong", "my reply to you was too hasty"
    /\b(our|my) (\w+ ){0,2}(diagnosis|diagnoses|assessment|estimate|judge?ment|response|reaction|handling|communication|testing|review|planning|analysis|assumption|forecast|instructions|advice|wording|reply|announcement)( \w+){0,3} (was|were|has been|had been) (?:(?!not\b|never\b)\w+ )?(wrong|incorrect|mistaken|inaccurate|flawed|inadequate|insufficient|careless|misleading|too (slow|late|hasty|optimistic)|not good enough|a mistake|an error)\b/i,
  ],
  /** A judgement of the failure that owns it only when the writer is in the sentence ("This is unacceptable, and we know it"). */
  ownJudgement: /\b(this|that|it|which) (is|was)( (so|really|truly|frankly|completely|simply|totally))? (unacceptable|not good enough|not ok(ay)?|not acceptable)\b/i,
  /**
   * own-it: a thing of the writer's as the subject is a thing, not the writer ("our monitoring systems didn't catch
   * this", LABELLING.md: "things as agents"); the writer's people and ways ("our team", "our practices") are not here.
   */
  thingHeads: /^(?:our|my|its)\b(?: [\w-]+){0,2} (?:systems?|monitoring|software|servers?|tools?|alerts?|alerting|site|website|app|apps|database|databases|network|platform|code|scripts?|backups?|infrastructure|hardware|machines?|equipment|checks?)$/,
  /** own-it: an omission of care told with the writer's act ("without thinking I marked it…", "we sent it without checking"). */
  withoutCare: /\bwithout (?:thinking|checking|double-checking|testing|looking|reading|realising|realizing|waiting|verifying|confirming|reviewing)\b/i,
  /** Adverbs that make any first-person act a fault ("we mistakenly sent"). */
  faultAdverbs: /\b(mistakenly|accidentally|wrongly|inadvertently|incorrectly|by mistake|by accident|in error|twice)\b/,

  /** commitment: the writer (or a list item, or a change as subject) does one of these to something concrete. */
  changeVerbs: ['add', 'provision', 'change', 'modify', 'fix', 'patch', 'build', 'rebuild', 'introduce', 'implement', 'publish', 'hire', 'retrain', 'train', 'review', 'audit', 'remove', 'replace', 'rewrite', 'redesign', 'automate', 'require', 'switch', 'migrate', 'partition', 'reprioritize', 'reprioritise', 'strengthen', 'tighten', 'update', 'upgrade', 'test', 'monitor', 'check', 'roll', 'deploy', 'enforce', 'establish', 'create', 'set', 'halt', 'stop', 'recall', 'pull', 'disable', 'rebuild', 'refactor', 'restructure', 'separate', 'split', 'limit', 'block', 'document', 'rehearse', 'practice', 'practise', 'schedule', 'verify', 'validate', 'scan', 'encrypt', 'rotate', 'revoke', 'reset', 'enable', 'adopt', 'accelerate', 'revise', 'improve', 'expand', 'increase', 'double', 'decouple', 'isolate', 'invest', 'partner', 'install', 'introduce', 'launch', 'release', 'put', 'double-check', 'reconcile', 'confirm', 'enhance', 'phase', 'assign', 'appoint', 'brief', 'retire', 'restrict', 'extend', 'keep', 'fund', 'staff', 'run', 'turn', 'pause', 'suspend', 'decommission', 'shorten', 'lengthen', 'delete', 'trial', 'pilot',
    // reconsidering a named thing: "revisit every step of engineering, manufacturing, and quality control processes" (LABELLING.md: a review with its scope named)
    'revisit', 'rethink', 'reassess', 'reevaluate', 're-evaluate', 'rework', 'overhaul',
    // setting a thing up to behave differently: "I also configured another external monitoring service so that we can notice…"
    'configure',
    // teaching the writer's people (as "train", "retrain"): "we will be educating our employees on protecting customer data"
    'educate'],
  /** commitment: taking a thing into use ("I started using a Worker as a load-balancer", "we have begun requiring two-factor sign-in"): the -ing verb and its object are the change. */
  adoptionFrame: /^(?:start|begin)$/,
  adoptionVerb: /^(?:using|requiring|running|checking|testing|monitoring|enforcing|encrypting|signing|logging|alerting on|reviewing|staging|scanning|verifying|validating|rotating|backing up)\b/,
  /** Nouns that are a change in themselves ("a second check", "bug fixes", "a review of crew movement"). */
  changeNouns: /\b(checks?|double-checks?|reviews? of|audits?|tests?|testing|monitoring|alerts?|alerting|fix(es)?|patch(es)?|updates?|training|policy|policies|rules?|limits?|safeguards? (around|on|for)|rollbacks?|backups?|redundanc(y|ies)|bill of rights|standards?|runbooks?|playbooks?|soft deletes?|dashboards?|staging|canary|approvals?|sign-off|second (person|pair of eyes))\b/,
  /** A sentence that announces what changes; any concrete clause in it is the change ("Starting today, any price increase will need sign-off from me"). */
  changeFraming: /\b(what (we'?ve|we have|has|we'?re|we are|is|we) (\w+ )?chang(ed|ing|e)|what changes|from now on|going forward|moving forward|effective (immediately|today|now)|starting (today|now|immediately|tomorrow|this week|next week)|from today|as of today|in future|in the future)\b/,
  /** A sentence that opens with the date a change starts: "Starting August 15th, when hosts book…, their property will be covered…". */
  datedFraming: /^(effective|starting|beginning|from|as of) (on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(st|nd|rd|th)? (of )?(january|february|march|april|may|june|july|august|september|october|november|december))\b/,
  /** A subject that is itself a change, with a plan or date: "the next update is coming within 7 days". */
  changeSubject: /\b(update|patch|fix|release|version|training|review|audit|change|check|upgrade|migration|rollout)s?\b/,
  /** A subject that is a thing that can break ("a bug in our billing system charged…", "a scheduling change held back…"): with an event verb it is an explanation on its own. */
  faultSubject: /\b(?:\w*attackers?|hackers?|intruders?|criminals?|thie(?:f|ves)|bad actors?|fraudsters?)$|\b(bug|glitch|misconfigur\w*|configuration|change|update|upgrade|script|command|typo|setting|rule|deploy(ment)?|migration|job|printer|tool|query|cache|database|server|router|certificate|switch|cable|disk|patch|release|feed|integration|vendor|supplier|courier|storm|fire|flood|anomaly)s?\b/,
  /**
   * A purpose of prevention after an act ("…, which should prevent this", "in order to avoid human
   * error", "to ensure that it does not struggle … again"): with the writer, the organisation or a
   * list item as the agent and a concrete object, any verb is a change (a closed set of purpose frames,
   * in place of a longer verb list).
   */
  preventionPurpose: /\b(?:as a (?:precaution|precautionary measure|safeguard)\b|(?:in order |so as )?to (?:help )?(?:prevent|avoid|stop|mitigate|reduce the (?:chance|risk|likelihood)|(?:ensure|make sure|guarantee)(?! (?:that )?(?:[\w-]+ ){1,4}(?:was|were|had)\b))|which (?:should|will|would|can) (?:prevent|stop|avoid)|so (?:that )?(?:this|it|the same)\b[^.;]{0,40}\b(?:not|never|won't|can't|cannot)\b|so (?:that )?(?:no one|nobody|no customer|no user) (?:will|can|would|should|ever)\b)/,
  /** A result of noticing or handling it sooner next time ("… so that we can notice the issue sooner next time"): read like a purpose of prevention. */
  noticeSooner: /\bso (?:that )?(?:we|i|the team|our team|on-call|someone) (?:can|will|would|could) (?:\w+ )?(?:notice|detect|catch|spot|see|know about|respond to|react to|fix|be alerted to)\b[^.;]{0,60}?\b(?:sooner|faster|earlier|quicker|more quickly|immediately|in time|next time)\b/,
  /** A role or result of resilience for a thing taken into use ("… as a sort of load-balancer …", "in case of another outage"). */
  resilienceRole: /\bas an? (?:\w+ ){0,3}?(?:backup|fallback|failover|fail-over|load-?balancer|safeguard|redundant|standby|secondary|second line)\b|\bin case (?:of )?(?:another|a|an|the next|future|any)\b|\bso (?:that )?(?:it|we|the \w+)(?:'ll| will| can| would) (?:be )?(?:more|less) (?:resilient|reliable|robust|likely)\b/,
  /** A purpose of prevention told first, up to the comma: the purpose of the act after it ("To prevent this from happening again, we plan to…"). */
  leadPurpose: /^\W*(?:in order |so as )?to (?:help )?(?:prevent|avoid|stop|ensure|make sure|guarantee)\b[^,;.]{0,120},/,
  /** An act whose purpose is to tell the reader ("this website to answer your questions about the incident"): communication, no change. */
  toInform: /\bto (?:answer|respond to|address) (?:your|any|all|customers'?|their) (?:\w+ )?(?:questions|queries|concerns)\b|\bto (?:keep|inform|update) (?:you|our customers|customers|everyone)\b/,
  /** A subject that names a plan, step or action of the writer's ("one immediate action is to add…", "our first step will be to move…"). */
  planSubject: /^(?:(?:one|the|our|my|a|an|another|first|next|second|third|main|immediate|first) )*(?:[\w-]+ )?(?:action|actions|step|steps|change|priority|fix|measure|plan|thing we(?:'re| are| will be)? do(?:ing)?)$/,
  /** Verbs of moving or copying a thing somewhere: a change only with the thing and where it goes ("moving the uploads to a separate cluster", "mirroring the binaries to a second data centre", not "moving on from this"). */
  relocationVerbs: ['move', 'relocate', 'shift', 'transfer', 'mirror', 'replicate', 'copy'],
  /** The preposition that starts where a relocated thing goes ("… to a read replica", "… off our own servers"). */
  relocationTarget: /^(.+?) (?:to|onto|into|off|behind|away from|out of|from (?:\S+ ){1,5}?to) (.+)$/,
  /** What a passive change cannot be said of: the people harmed and their things (the remedy), or the fault or the harm itself (its fix or shrinking restores the service). */
  // (and what is given to them: "This credit is being extended to free-to-play users" is the remedy)
  passiveChangeExcluded: /\b(credits?|refunds?|vouchers?|compensation|reimbursements?|discounts?|coupons?|offers?|you|your|customers?|users?|members?|passengers|guests|clients|patients|affected|bugs?|defects?|glitch(es)?|errors?|faults?|flaws?|issues?|problems?|outages?|incidents?|service|services|site|website|app|delays?|waits?|waiting|backlogs?|queues?)\b/,
  /** Verbs of being, going or seeming: "the parcel will now arrive on Friday" tells a new state, not a new practice. */
  stateVerbs: ['be', 'have', 'arrive', 'come', 'go', 'get', 'take', 'seem', 'look', 'remain', 'continue', 'happen', 'stay', 'become', 'feel', 'work', 'load', 'open', 'close', 'focus', 'try', 'hope', 'do', 'make', 'look', 'think', 'believe', 'know', 'want', 'expect', 'consider', 'see', 'need'],
  /**
   * A launch or release told in the simple past is the story of the product, not a change made since ("we launched a chatbot
   * called Tay", "last week we released the new update", "the feature we rolled out this morning"); read with the particle.
   * Session 15: "introduce" too ("We introduced a brand new annual plan", "As a next step, we introduced a new shard": a thing
   * brought in, told in the simple past, is what happened; "we have introduced a second approval" still is a change).
   */
  storyVerbs: /^(launch|release|roll out|introduce|publish|create)$/,
  /** The thing that broke working again ("it now works properly", "cards are now working normally"): a fix or a check of it is a repair, not a change. */
  restoredState: /\b(?:works?|working|operat(?:es|ing)|runs?|running|functions?|functioning|behaves?|behaving) (?:normally|properly|correctly|fine|as (?:normal|expected|intended|usual|it should))\b|\bback to normal\b/,
  /** Verbs of repairing or making sure of the repair: with the thing working again, a repair. */
  repairVerbs: /^(fix|repair|correct|resolve|restore|confirm|verify|check|double-check|test)$/,
  /** What was done on learning of the failure ("As soon as we became aware of the issue, we worked to fix…"): the reaction to this occurrence, containment (LABELLING.md R1). */
  reactionFraming: /^\W*(?:as soon as|once|upon|immediately after) (?:we|i) (?:first )?(?:became aware|were made aware|were (?:told|alerted|notified)|learned|learnt|noticed|realised|realized|discovered|found out|saw|heard)\b|^\W*upon (?:learning|discovering|noticing|becoming aware|realising|realizing)\b/,
  /** An inquiry whose object is the failure told as an event ("investigating why this filter deployment went haywire"): finding out, no change. */
  failureTold: /\b(?:went (?:wrong|haywire|down|offline|out)|happened|occurred|failed|broke|crashed|came about)\b/,
  /** Verbs that take a capability away ("removed the ability to run scripts on production"): a change when what the capability lets one do is concrete. */
  restrictVerbs: /^(remove|disable|restrict|limit|revoke|block|end|withdraw)$/,
  capabilityHead: /^(?:the |any |all |our |its |their )?(?:ability|abilities|capability|capabilities|option|options|permission|permissions|access|right|rights) (?:(?:of \w+ )?to|for \w+ to) (?:\w+ly )?/,
  /** Verbs of looking into something: a change only with its scope named ("examine how the calendar was printed", not "investigate what happened"). */
  inquiryVerbs: ['investigate', 'examine', 'review', 'audit', 'study', 'analyse', 'analyze'],
  /** What a change repairs for the people harmed is the remedy, not a change: "a voucher to your online wallet", "a policy to make our creator community economically whole". */
  repairObject: /^(\w+ ){0,2}?(vouchers?|refunds?|credits?|compensation|reimbursements?|sales?|offers?|promotions?|promos?|discounts?|deals?)\b|\b(to|for|into|on) (you|your)\b|\bmake (\w+ ){0,4}whole\b|\bfor (?:the )?(?:affected |impacted )?(?:customers|people|users|members|clients|those|anyone|everyone) (?:who|whose)\b/,
  /** An act whose purpose is to find out ("hired a team of experts to investigate how this happened"): an inquiry, no change. */
  inquiryPurpose: /\bto (?:investigate|examine|review|understand|determine|find out|look into|establish|analy[sz]e) (?:(?:how|why) (?:this|it|that) (?:happened|occurred|went wrong)|what (?:happened|went wrong|caused (?:this|it))|the cause)\b/,
  /** The head of a change that only restores the service ("deployed a fix"): a change only with what it changes. */
  restoreObject: /^(a |the |an |our )?(quick |hot|emergency |temporary )?(fix|fixes|patch|hotfix|workaround)$/,
  /** Words too general to make an object concrete ("we will make changes", "strengthen our defenses"). */
  vagueNouns: new Set(['extra', 'network', 'networks', 'strategies', 'mitigation', 'mitigations', 'change', 'changes', 'improvement', 'improvements', 'measure', 'measures', 'step', 'steps', 'action', 'actions', 'effort', 'efforts', 'work', 'thing', 'things', 'defense', 'defenses', 'defence', 'defences', 'security', 'system', 'systems', 'process', 'processes', 'procedure', 'procedures', 'practice', 'practices', 'protection', 'protections', 'control', 'controls', 'resource', 'resources', 'trust', 'confidence', 'experience', 'service', 'services', 'everything', 'anything', 'something', 'better', 'best', 'crime', 'crimes', 'cyber', 'attack', 'attacks', 'criminals', 'future', 'incident', 'incidents', 'issue', 'issues', 'problem', 'problems', 'way', 'ways', 'numerous', 'various', 'several', 'many', 'all', 'more', 'additional', 'further', 'necessary', 'appropriate', 'extraordinary', 'immediate', 'corrective', 'lessons', 'lesson', 'mistakes', 'mistake', 'sure', 'happen', 'happens', 'again', 'never', 'prevent', 'ensure', 'make', 'avoid', 'similar', 'kind', 'type', 'sort', 'level', 'next', 'continue', 'continuously', 'ongoing', 'priority', 'priorities', 'focus', 'commitment', 'operations', 'infrastructure', 'platform', 'level', 'quality', 'customer', 'customers', 'satisfaction', 'approach', 'strategy', 'culture', 'values', 'integrity', 'core', 'decision', 'decisions', 'business', 'possible', 'power', 'scale', 'term', 'long', 'going', 'forward', 'lot', 'bit', 'right', 'place', 'there', 'here', 'hard', 'harder', 'safe', 'safer', 'secure', 'reliable', 'resilient', 'robust', 'stronger', 'strong', 'new', 'way', 'sense', 'urgency', 'fast', 'soon', 'quickly', 'today', 'now', 'time', 'week', 'weeks', 'months', 'coming', 'days', 'happened', 'happen', 'went', 'wrong', 'own', 'detailed', 'thorough', 'full', 'complete', 'exhaustive', 'comprehensive', 'independent', 'internal', 'external', 'careful', 'good', 'great', 'progress', 'normal', 'back', 'shortly', 'hard', 'progress', 'situation', 'situations', 'solution', 'solutions', 'matter', 'matters', 'recurrence', 'occurrence', 'closely', 'carefully', 'investigation', 'investigations', 'inquiry', 'inquiries', 'probe', 'assistance', 'help',
    // a quantity or a safeguard with nothing named: "a number of steps", "every possible safeguard"
    'technical', 'technological', 'operational', 'internal',
    // quantifiers and determiners name nothing: "some of our internal processes", "several of these systems"
    'some', 'several', 'certain', 'various', 'many', 'other', 'these', 'those', 'organisational', 'organizational', 'structural',
    // degree or weight with nothing named: "significant further steps", "major improvements", "concrete measures"
    'significant', 'major', 'important', 'meaningful', 'concrete', 'serious', 'decisive', 'swift', 'urgent', 'key', 'substantial', 'considerable', 'real', 'tangible',
    'number', 'safeguard', 'safeguards', 'list', 'series', 'range', 'host', 'variety',
    // a plan's entries with nothing named: "we have defined targeted action items" (LABELLING-round9.md: Courier)
    'item', 'items', 'targeted',
    // a plan with nothing named: "implementing plans to prevent this bug" (LABELLING-round4.md)
    'plan', 'plans',
    // abstract goals: what a change is for, not what it changes
    'ability', 'abilities', 'capability', 'capabilities', 'readiness', 'resilience', 'reliability', 'availability', 'performance', 'uptime', 'stability', 'efficiency']),
  /** What a promise to tell acts on: publishing a post-mortem or sharing details is communication, not a change. */
  communicationObject: /^(a |an |the |our |this |more |further |full |complete |detailed |regular |an? \w+ )*(post-?mortems?|(blog )?posts?|articles?|reports?|details|findings|analysis|analyses|information|timeline|summary|summaries|explanation|statement|write-?up|account|answers|updates? (on|about|to you|as))\b|^([\w-]+ ){0,3}(informed|posted|in the loop)\b|^(you|everyone|(our |all )?(customers|users|members|clients|subscribers|community|passengers|guests)) updated\b|^((a|an|the|our|my) )?([\w-]+ ){0,2}(apolog(y|ies)|condolences?|sympath(y|ies)|thanks|gratitude|regrets?)\b/,
  /** A fault as the thing acted on: fixing it restores the service ("we have fixed the bug", "fixed the root cause"), bringing it in is the failure ("we introduced a fault that…"): neither is a change. */
  faultObject: /^(?:the |a |an |this |that |these |those |our |its )?(?:[\w-]+ ){0,3}?(?:root cause|underlying cause|cause|bugs?|defects?|faults?|glitch(?:es)?|errors?|issues?|problems?|regressions?|vulnerabilit(?:y|ies)|loopholes?|security holes?)(?: (?:that|which|in|on|with|where|behind|causing|affecting|responsible|and (?:apologi[sz]e|regret|thank|are|will|have|we)\b)\b.*)?$/,
  /** A time before the failure: an act told in the simple past with it is the story, not a change ("Three months prior to the incident we upgraded…", "We launched Maps initially with…"). */
  storyTime: /\b(?:(?:prior to|before) (?:the|this|that) (?:incident|outage|breach|failure|problem|issue|event|attack)|in the (?:process|course|middle) of \w+ing|^\W*while \w+ing\b|initially|originally|previously|in a previous|at the time|(?:\w+|a few) (?:days|weeks|months|years) (?:ago|earlier|prior|before))\b/,
  /** The writer's own failure told in the sentence ("Then I decided to refactor the code …, and I messed things up"): a change beside it is how it went wrong, the story. */
  faultInSentence: /\b(?:i|we) (?:\w+ly |then |also |just )?(?:messed|screwed|botched|bungled|fumbled|broke (?:it|things|everything|the \w+))\b/,
  /** A habit told as the backdrop ("we've published these newsletters for years without incident"): the story, not a change. */
  habitTime: /\bfor (?:many |several |\w+ )?(?:years|decades)\b|\bwithout (?:an? |a single |any )?(?:incident|issue|problem|hitch)s?\b/,
  /** A product recall takes this batch off the shelves (LABELLING-round9.md R1: GoGo squeeZ, Musashi): containment, whatever else the sentence says. */
  recallVerbs: /^(recall)$/,
  /** Verbs of containment: done to the faulty thing, they stop the harm, they change nothing ("isolated a device that did not function well"). */
  /** commitment (session 15): a measure said to be for now ("we have temporarily disabled search") contains the harm, it changes nothing for good. */
  forNow: /(?:temporarily|for now|for the time being|in the meantime|as a stopgap)/,
  /**
   * commitment (session 15): a change named through the undertaking it belongs to ("a project to replace the billing system", "an
   * effort to re-evaluate and adjust these testing procedures") or hastened ("attempt to accelerate the process of switching over
   * to the new UPS"): the change verb and what it acts on are read after it.
   */
  undertaking: /\b(?:effort|project|programme|program|initiative|plan|work|push)s? (?:to|on) ([a-z].*)$|\bto (?:accelerate|speed up|expedite|fast-track|bring forward|prioriti[sz]e) (?:the |our )?(?:process of |work on |plans? (?:to|for) )?([a-z].*)$/,
  /**
   * commitment (session 15): a check or safeguard of the writer's, told as what will be done to it ("an additional check will be
   * made next February before it is published", "a second check will be carried out on every order"): the noun, what is done, and
   * what follows (a qualifier like "additional", or when and on what), read by scheduledCheck in score.ts.
   */
  scheduledCheck: /\b((?:[\w-]+ ){0,3}?)(?:checks?|double-checks?|reviews?|audits?|inspections?|controls?|tests?|sign-offs?|approvals?|verifications?|safeguards?|proof-?reads?|proofing) (?:will|shall|is going to|are going to) (?:now |also |always |then )?be (?:made|carried out|conducted|performed|put in place|introduced|added|run|held|undertaken|required|done|completed|in place)\b(.*)$/,
  containVerbs: /^(isolate|disconnect|shut|pause|suspend|halt|restart|reboot|quarantine|unplug)$/,
  /**
   * Taking down the offending communication stops the harm, it changes nothing (LABELLING-round6.md: "removed the
   * campaign from all platforms", "the post has since been deleted", "it was immediately withdrawn"); removing a
   * product from sale or a clause from the terms is a change.
   */
  takeDownVerbs: /^(remove|delete|withdraw|pull|take)$/,
  /** A removal told as done at once reacts to this occurrence (LABELLING.md R1: containment), whatever it removed: "we immediately removed the product and all images", "deleted the relevant information as soon as possible". */
  containedAtOnce: /\b(immediately|at once|right away|straight away|as soon as (possible|we (learned|learnt|heard|saw|became aware|found out|realised|realized|were (told|made aware)))|promptly|within (minutes|hours|an hour|the hour)|swiftly)\b/,
  /**
   * commitment: the thing that did the harm, named as this one (a definite article or "our", never "all", "every",
   * "any"): removing, deleting, withdrawing, disabling or decommissioning it, done or announced, is containment, whatever
   * the thing is (LABELLING.md R1: "we are removing the content", "the faulty software … is being decommissioned", "the
   * garment from our product offering"); a class or a practice beyond it still counts ("all products made by …").
   */
  harmingThing: /^(?:(?:the|this|that|these|those|its|our|my)\s)(?:[\w'-]+\s){0,3}?(?:campaign|post|posts|tweet|tweets|ad|ads|advert|adverts|advertisement|commercial|image|images|photo|photos|picture|pictures|video|videos|content|message|messages|caption|meme|graphic|item|items|garment|garments|product|products|batch|shirt|t-shirt|jumper|hoodie|sweater|software|names|widget|sdk|rollout|release|releases|build|builds|tag|tags)\b/,
  removalVerbs: /^(remove|delete|withdraw|pull|take|decommission|destroy|disable|halt|discontinue)$/,
  offendingContent: /^(?:(?:the|this|that|these|those|our|my|its|all|every|any)\s)?(?:[\w'-]+\s){0,3}?(?:campaign|post|posts|tweet|tweets|ad|ads|advert|adverts|advertisement|advertisements|commercial|image|images|photo|photos|picture|pictures|video|videos|content|message|messages|email|emails|caption|comment|comments|statement|story|stories|meme|graphic)\b/,
  /** More capacity restores the service (LABELLING-round5.md: "additional hardware" is no change): "we increased server capacity by 120 per cent". */
  capacityVerbs: /^(increase|add|double|triple|expand|scale|boost|provision|raise)$/,
  capacityObject: /^(?:[\w'-]+\s){0,3}?(?:capacity|servers|hardware|machines|instances|bandwidth|headroom)\b/,
  /** A change held back until there is news: "we will update our website as soon as we have more information" tells, it does not change. */
  untilNews: /\b(as soon as|once|when|if) (we|there) (have|has|know|learn|get|is|are) (any )?(more|further|new|additional) (information|details|news|updates|to share)\b/,
  /** Resources named without a number: "more servers" is a wish, not a plan. */
  vagueResources: /^(more|additional|extra|further) (servers?|capacity|staff|people|resources|machines|hardware|engineers|agents|support)\b/,

  /**
   * explain: events, as verbs of what broke and how (past, present perfect or passive). Not the failure told in general
   * words or the harm itself as the act (session 14, pruned by the ablation pass over all 498 letters, each fixing none
   * and breaking one to three): "fail" ("their connection to the outside world … failed"), "access" (the breach), "queue"
   * ("emails were queued"), "miss", "push" ("I accidentally pushed to master").
   */
  mechanismVerbs: ['crash', 'break', 'remove', 'delete', 'drop', 'overload', 'overwhelm', 'exhaust', 'lag', 'spike', 'stall', 'lock', 'hold', 'block', 'misroute', 'mislabel', 'cap', 'charge', 'send', 'ship', 'print', 'run', 'enter', 'type', 'deploy', 'change', 'update', 'upgrade', 'migrate', 'configure', 'misconfigure', 'trigger', 'cascade', 'cause', 'disrupt', 'interrupt', 'stretch', 'exceed', 'expire', 'corrupt', 'wipe', 'overwrite', 'leak', 'disconnect', 'degrade', 'reject', 'decline', 'cancel', 'skip', 'assume', 'restart', 'escalate', 'hammer', 'collide', 'freeze', 'stop', 'leverage', 'exploit', 'steal', 'gain', 'download', 'brute-force', 'double-charge', 'overcharge', 'process', 'duplicate', 'expose', 'route', 'time', 'read', 'write', 'refresh', 'retry', 'saturate', 'max', 'go', 'turn', 'shut', 'start', 'transition', 'escalate', 'mix', 'swap', 'miscalculate', 'misread', 'forget', 'contaminate', 'spoil', 'overbook', 'escalate', 'apply', 'set', 'prevent', 'originate', 're-attempt', 'reattempt', 'mistype', 'generate', 'compromise', 'infiltrate', 'hack', 'phish', 'breach'],
  /**
   * explain: a part of the system that did not do its job, told in the past ("the UPS did not handle the load", "the failover
   * did not trigger", "the alert never fired"): the verbs of a machine's job, and the machines (not the site or app the reader uses).
   */
  machineActs: /^(handle|switch|respond|fire|trigger|kick|boot|recover|detect|catch|notify|alert|page|save|sync|restart|renew|propagate|replicate|start|engage|activate|shut|stop|drain|flush|release|close|apply|roll)$/,
  machineSubject: /\b(ups|generators?|batter(?:y|ies)|transfer switch|switch(?:es)?|failover|fail-over|backups?|backup job|alerts?|alarms?|monitors?|monitoring|health ?checks?|jobs?|cron(?: job)?|scripts?|workers?|queues?|load ?balancers?|routers?|disks?|drives?|replicas?|primary|secondary|standby|nodes?|clusters?|servers?|databases?|certificates?|circuit breakers?|fallback|retry|retries|scheduler|daemon|process|processes|timeout|lock|locks)$/,
  /**
   * explain (session 15): a component that broke, told in the past with what it did ("the main circuit breaker … of the UPS
   * tripped", "the VM host system lost the RAID set that held the filesystem", "one of the applications installed on our
   * store had crashed"): the verbs of a part failing, and the parts (machineSubject's, and the hardware and software parts
   * a post-mortem names; not the site, app or service the reader uses, whose failing is the harm restated).
   */
  componentFails: ['trip', 'lose', 'crash', 'fail', 'hang', 'overheat', 'stall', 'malfunction', 'die', 'freeze', 'reboot'],
  componentSubject: /\b(ups|generators?|batter(?:y|ies)|transfer switch|switch(?:es)?|failover|backups?|jobs?|scripts?|workers?|queues?|load ?balancers?|routers?|disks?|drives?|replicas?|nodes?|clusters?|servers?|databases?|certificates?|(?:circuit )?breakers?|host(?: system)?s?|hypervisors?|controllers?|arrays?|raid(?: sets?)?|applications?|plugins?|plug-ins?|sensors?|pumps?|transformers?|power suppl(?:y|ies)|psus?|firewalls?|caches?|prox(?:y|ies)|daemons?|processes|schedulers?|compressors?|chillers?|freezers?|fridges?|refrigerators?)$/,
  /**
   * explain (session 15): an act done on the wrong thing tells which step went wrong ("I've accidentally pushed to the wrong
   * remote", "we matched the wrong meteorologists with their forecast numbers", "an engineer … disconnected the wrong fibre");
   * not the wrong words or tone, which are the offence itself ("I chose the wrong words").
   */
  wrongThing: /^(?:(?:to|with|from|on|onto|in|into|at|for|under) )?(?:the|a|an|our|my|their|his|her) (?:[\w-]+ )?wrong ([\w-]+)/,
  deliveryVerbs: /^(send|ship|deliver|give|hand|post|mail|email|e-mail|charge|bill|serve|issue|tell|say|publish|print|dispatch|provide|offer|quote)$/,
  speechHeads: /^(words?|messages?|tone|language|terms?|phrases?|phrasing|jokes?|remarks?|comments?|things?|way|thing|choice|time|moment|decision|impression|idea)$/,
  /**
   * explain (session 15): a fault named where it was, with what it did in a relative clause ("the outage was due to a bug in
   * our router which caused flapping BGP sessions"): where it was alone is vague (isVagueCause), what it did makes it a mechanism.
   */
  faultDid: /\b(?:bugs?|defects?|flaws?|faults?|glitch(?:es)?|errors?|misconfigurations?|regressions?) (?:in|on|with|within|of) (?:[\w-]+ ){1,5}?(?:which|that) (?:\w+ly )?(?:caused|triggered|made|led to|resulted in|broke|corrupted|deleted|disabled|sent|dropped|blocked|overwrote|wiped)\b/,
  /**
   * explain (session 15): the response told, not how it broke: what was done on learning of it ("As soon as the university
   * identified the problem, the process of issuing emails … was stopped"), and acts whose purpose is to restore or to help the
   * people harmed ("working around the clock to get them back online", "staff were deployed to site quickly to answer
   * customer questions"); with a cause word in the sentence the cause is still read.
   */
  reactionOpening: /^\W*(?:as soon as|once|upon|immediately after|when) (?:[\w'’-]+ ){1,3}?(?:became|become|were made|was made|were|was) aware\b|^\W*(?:as soon as|once|upon|immediately after) (?:[\w'’-]+ ){1,3}?(?:learned|learnt|noticed|realised|realized|discovered|found out|identified|spotted|detected|heard|were (?:told|alerted|notified)|was (?:told|alerted|notified)) (?:of |about )?(?:the|this|that|these|it)\b/,
  responsePurpose: /\bto (?:get|bring) (?:[\w-]+ ){0,3}?back\b|\bto (?:restore|reconnect|recover)\b|\bto answer (?:[\w-]+ )?(?:questions|queries|calls)\b|\bto (?:assist|support|help) (?:[\w-]+ )?(?:customers|users|residents|people|passengers|guests|those affected)\b|\b(?:our|the) (?:\w+ )?focus (?:was|has been|is)\b/,
  /** explain: a harm named before a cause word: the cause is then where the harm came from ("concerns … due to a post"), no mechanism. */
  harmBefore: /\b(concerns?|confusion|offen[cs]e|offend(?:ed)?|upset|anger|outrage|criticism|backlash|frustration|disappointment|hurt|harm|pain|distress|embarrassment|inconvenience|complaints?|ill|sick|illness|sickness|injur(?:y|ies|ed))\b/,
  /** explain: how a system behaves, as a condition or a result of a present-tense act ("kicks in automatically when", "which may result in", "while not allowing"; not "is automatically reviewing all records": a practice). */
  behaviour: /\b(automatically (?:when|if|whenever|once|after|as soon as)|whenever (?!you\b|and\b|we\b|i\b|they\b)|(which|that) (may|can|will|could|would) (result in|lead to|cause|trigger)|while not|as soon as|once (it|the|a|an) \w+ (reaches|exceeds|runs|fills|hits))\b/,
  /**
   * explain: when the thing was made against when the writer learned of what made it wrong: "That tweet was scheduled
   * before we knew of the current situation", "… when we wrote these words two weeks ago" (LABELLING-round5.md: copy
   * written two weeks before a tornado and not stopped is an explanation).
   */
  madeBeforeKnowing: /\bbefore (?:we|i|anyone) (?:knew|learned|learnt|heard|were aware|was aware|realised|realized|found out)\b|\b(?:when|as) (?:we|i) (?:wrote|scheduled|prepared|planned|recorded|drafted|created|designed|filmed|shot) (?:[\w'-]+ ){0,3}?(?:\w+|a few|two|three|several) (?:weeks?|days?|months?) (?:ago|earlier|before)\b|\b(?:written|scheduled|prepared|recorded|drafted|created|filmed|shot) (?:[\w'-]+ ){0,2}?(?:\w+|a few) (?:weeks?|days?|months?) (?:ago|earlier|before)\b/,
  /** explain: the service coming back, told as a timeline ("by 8:43am all queues were clear and sending was back to normal"): the repair, not how it broke. */
  recovery: /\b(back to normal|returned to normal|(?:were|was|are|is) (?:all )?clear(?:ed)?|fully (?:restored|recovered|operational)|caught up|back (?:up|online) and running)\b/,
  /** explain: words that frame or link a cause. */
  causeWords: /\b(because( of)?|due to|caused by|(happened|occurred|arose|came about|took place|taken place) (\w+ ){0,4}?(through|via|when|after)|originated (from|in|with)|stemm(ed|s) from|traced back to|was traced to|as (?:a )?result of|the (root )?cause (was|is|of)|root cause|the (?:real |main |underlying |actual )?(?:problem|issue) (?:was|is) (?=that\b|\w+ing\b)|traced (it|this|the \w+) to|turned out(?! to (?!be\b))|(?:had|with) (?:the|a) side effect of|(?:it )?turns out|led to|(?:all |both |also )?contributed to|played (?:a |an )?(?:\w+ )?(?:part|role) in|resulted (in|from)|resulting in|triggered|which meant|meaning that|after which|hence|and therefore|which is why)\b/,
  /**
   * explain: a fault found, told with what it does ("we have uncovered a nasty hidden bug … that corrupts the saved game",
   * "newly released software was found to be incompatible with a core system"); a fault found and where it is, with
   * nothing it did ("a defect found in a content update"), is no mechanism.
   */
  foundFault: /\b(?:found|discovered|detected|uncovered|identified|noticed|spotted) (?:that )?(?:an? |the |some |two |several )?(?:[\w-]+ ){0,3}?(?:bugs?|flaws?|defects?|faults?|glitch(?:es)?|race conditions?|leaks?|regressions?|misconfigurations?) (?:[\w-]+ ){0,5}?(?:that|which) (?:\w+ly )?(?!(?:is|are|was|were|has|have|had|affected|impacted|caused (?:this|it|the (?:issue|problem|outage|incident)))\b)[a-z]+s?\b|\b(?:was|were|had been|has been|have been) (?:found|discovered|determined|identified) to (?:be|have been) (?:\w+ )?(?:incompatible|inconsistent|misconfigured|corrupt(?:ed)?|faulty|defective|out of date|outdated|expired|contaminated|mislabell?ed) (?:with|in|on|for|by) (?:[\w-]+ ){0,2}?[a-z][\w-]{2,}|\b(?:identified|found|determined|discovered|confirmed|established|realised|realized) that (?:the|a|an|our|this|one of our) (?!(?:[\w-]+ ){0,8}?(?:customers?|users?|members?|people|clients?|passengers?|unauthori[sz]ed|attackers?|hackers?|criminals?|intruders?|actors?)\b)(?:[\w:-]+ ){0,10}?(?:had|has) (?:\w+ly )?(?!(?:been )?(?:resolved|fixed|restored|addressed|corrected|rectified|mitigated)\b)(?:been )?(?:[a-z]{3,}(?:ed|en)|sent|lost|left|held|kept|put|set|cut|run|made|built|hit|broke)\b/,
  /** explain: a thing lost in an act or event named ("the commits got lost during a force push", "the files were overwritten by the nightly sync"): what follows is checked to name something. */
  lostIn: /\b(?:got|get|gets|were|was|had been|have been|has been) (?:\w+ly )?(?:lost|deleted|overwritten|wiped|erased|reverted|corrupted|clobbered|duplicated|truncated) (?:during|in|by|when|after|while|through|with) ((?:an?|the|our|their|its|one|some) [^.;:!?]{3,80})/,
  /** explain: the mistake told as an act ("one of the huge mistakes we made was sending one email, without any warning, …", "our mistake was assuming …"). */
  mistakeTold: /\b(?:mistakes?|errors?|failures?) (?:that |which )?(?:we|i) (?:made|committed) (?:was|were) (?:in )?(?:\w+ly )?[a-z]{3,}ing\b|\b(?:our|my) (?:\w+ )?(?:mistake|error|failure) (?:was|is) (?:in )?(?:\w+ly )?(?!being\b)[a-z]{3,}ing\b|\b(?:mistakes?|errors?|problems?|failures?|faults?|oversights?)\b[^.;:!?]{0,40}? (?:is|was) that (?:we|i|our|my)\b/,
  /**
   * explain (session 15): the writer's people or things named as the writer's ("one of my decorators", "our engineer") in an omission told
   * like the writer's own; and an omission told with the act that followed it, two steps of the story ("did not see the fine print
   * and placed a disrespectful image on the cake").
   */
  staffSubject: /^(?:(?:one|some|two|several|a few) of )?(?:our|my) (?:[\w-]+ )?[\w-]+$/,
  omissionThenAct: /^(?:[\w'’-]+ ){1,8}?and (?:then )?(?:\w+ly )?[a-z]{3,}ed\b/,
  /** explain (session 15): what a step the writer should have taken was for or waited on ("… extra money to put leaflets through doors", "… until we had all the resources"). */
  counterfactualStep: /\b(?:to (?!(?:you|them|us|everyone|customers|people)\b)(?:[a-z]+ly )?[a-z]{2,}|until|before|instead of|so that|rather than)\b/,
  /** A sentence that opens by pointing back to the act told before it ("That resulted in…", "As a result, …"): with that act, one story. */
  backLink: /^\W*(?:(?:that|this|which|it|these|those) (?:resulted in|led to|caused|triggered|broke|took down)|as a (?:direct )?result(?! of)|because of (?:this|that)(?! we\b| i\b)|consequently)\b[\s,]*/,
  /**
   * explain (session 16, rounds 8, 9 and 13 by class): the writer's unawareness told with what it missed, as a clause of its own: "I did
   * not realize that we had left off Israel and Central America", "I missed the fact that the dist/ directory is not checked into
   * source control", "Did not read what the hashtag was about before posting" (LABELLING.md explain: a specific mechanism; the thing
   * missed is the step of how it happened). Not the people harmed or their feelings as what was missed ("I did not know that you were
   * waiting", "we did not realise how upset people were"): the content clause opens with something that is neither.
   */
  unawareOf: /(?:^\W*|\b(?:i|we)\b (?:\w+ly )?)(?:(?:did not|didn't|never|had not|hadn't) (?:realis|realiz|notic|know|knew|check|read|spot|see)\w*|(?:had )?(?:forgot(?:ten)?|missed|overlooked)) (?:the fact )?(?:that|what|whether) (?!(?:you|your|people|customers|many|some|everyone|it was (?:so|too|very))\b)(?:[\w'`/.-]+ ){3}/,
  /**
   * explain: the writer's mistaken belief, then what it led them to do ("I thought it was because of the connection issue and then did
   * a git push --force", "we assumed the job had finished, so we deleted the old table"): a reason and an act, two steps of a chain.
   */
  beliefThenAct: /\b(?:i|we) (?:\w+ly )?(?:thought|assumed|believed|figured|presumed|supposed|was sure|were sure|was convinced|were convinced)\b[^.;!?]{3,120}?(?:\band then\b|\band so\b|, so (?:i|we)\b|\bso (?:i|we) (?:\w+ed|did|went|ran|made|sent|pushed|put|set|took)\b)/,
  framing: /\b(here('s| is) (what|how|why) (went wrong|happened)|what went wrong|how (it|this|that) happened|the cause was|wanted to understand how|looked into how|exactly what went wrong|what happened (was|is)|here'?s why)\b/,
  /** A cause made only of these is no explanation: "the power supply issue", "human error and technology failures". */
  vagueCauseWords: new Set(['a', 'an', 'the', 'of', 'and', 'or', 'both', 'some', 'our', 'their', 'its', 'this', 'that', 'these', 'those', 'it', 'an', 'unforeseen', 'unexpected', 'unprecedented', 'unique', 'combination', 'various', 'several', 'technical', 'technology', 'tech', 'human', 'error', 'errors', 'issue', 'issues', 'problem', 'problems', 'failure', 'failures', 'glitch', 'glitches', 'outage', 'incident', 'circumstances', 'events', 'event', 'factors', 'reasons', 'difficulties', 'challenges', 'power', 'supply', 'networking', 'network', 'system', 'systems', 'operational', 'internal', 'external', 'beyond', 'control', 'situation', 'things', 'other', 'number', 'certain', 'high', 'demand', 'volume', 'was', 'is', 'were', 'be', 'by', 'to', 'in', 'on', 'with', 'from', 'at', 'for', 'which', 'what', 'how', 'happened', 'why', 'bug', 'hiccup', 'mistake', 'mistakes', 'oversight', 'cyber', 'attack', 'cyberattack', 'sophisticated', 'malicious', 'criminal', 'criminals', 'actors', 'actor', 'bad',
    // a state with no mechanism: "our IT systems being down overnight" (LABELLING-round9.md: Protea)
    'being', 'down', 'offline', 'unavailable', 'overnight', 'temporarily', 'briefly',
    // a cause said to go on, with nothing named: "due to the continuing technical issues" (round 8: British Airways)
    'continuing', 'ongoing', 'persistent',
    // "online criminal activity, in some cases, resulting in…" (round 4: Tesco Bank; LABELLING.md: "we were hacked" is no mechanism)
    'activity', 'online', 'case', 'cases',
    // a change in general words: "a configuration change", "a code change", "a software update"
    'change', 'changes', 'code', 'configuration', 'config', 'software', 'update', 'updates']),
  /** A failure told in general words ("a planned database upgrade went terribly wrong"): what `go` says after it, no mechanism (LABELLING-round9.md: HubSpot 2015). */
  generalFailure: /^(?:\w+ly )?(?:wrong|awry|badly|bad|south|sideways|haywire)\b/,
  /** A quantity that heads a cause ("a number of human errors"): the cause is what follows it. */
  quantityHead: /^(?:a |an )?(?:\w+ )?(?:number|series|combination|couple|handful|lot|set|range|variety|string) of /,
  /** A cause that is the writer's own inquiry ("as a result of the investigation"): what came of looking, not how it broke. */
  inquiryCause: /^(?:the|this|that|our|its|an?|my) (?:[\w-]+ )?(?:investigation|review|analysis|audit|inquiry|feedback|findings|post-?mortem)\b/,
  /** A cause headed by a fault word with nothing after it saying what it did ("a defect found in a Falcon content update") is one phrase, no explanation. */
  faultHead: /^(a |an |the |one |some |our |this )?(\w+ )?(bug|bugs|defect|defects|glitch|error|errors|fault|faults|flaw|flaws|issue|issues|problem|problems|mistake|mistakes|oversight|oversights|slip|lapse)$/,
  /** An outside event named with only its place ("a winter storm in the Chicago area", "a strike at the port"): who or what, not how (LABELLING.md: a cause in one general phrase). */
  eventHead: /^(a |an |the |one |some |this |that )?(\w+ )?(storm|storms|snowstorm|blizzard|hurricane|typhoon|cyclone|weather|snow|snowfall|fog|ice|flood|floods|flooding|heatwave|earthquake|strike|strikes|pandemic|epidemic|holiday|holidays|congestion)$/,
  /** The head of a cause that only restates the harm ("because of a nationwide outage"): vague unless a phrase after it names the thing. */
  harmHeads: /^(outage|outages|issue|issues|problem|problems|glitch|glitches|error|errors|failure|failures|incident|disruption|difficulties|downtime|interruption)$/,
  /** Verbs of an intrusion: told of the data ("usernames have been accessed") or as access gained ("hackers gained access to customer data"), they restate the breach, not how it happened. */
  intrusionVerbs: /^(access|steal|compromise|expose|leak|breach|hack|gain|obtain|download|view)$/,
  /** What a cause verb acts on when it only restates the harm ("has caused concern"): no mechanism. */
  harmObject: /^(\w+ ){0,2}(concern|confusion|inconvenience|frustration|stress|anxiety|disappointment|distress|upset|hardship|worry|heartache|fear|pain|hurt|trouble|difficulties|disruption|offen[cs]e|harm|issues|problems|impact)\b/,
  /** What the people harmed went through: "the awful experience we've caused", "the worry we caused" name the impact, not the act (LABELLING.md R9). */
  impactNouns: /\b(experience|experiences|inconvenience|concern|confusion|frustration|stress|anxiety|disappointment|distress|upset|hardship|worry|worries|heartache|fear|pain|hurt|trouble|difficulties|disruption|offen[cs]e|harm|impact|hassle|damage|extra work)$/,
  /** The same harm named before a relative clause whose verb causes it: "the offense that it has caused", "the issues this has caused". */
  harmCausedBefore: /\b(concern|confusion|inconvenience|frustration|stress|anxiety|disappointment|distress|upset|hardship|worry|heartache|fear|pain|hurt|trouble|difficulties|disruption|offen[cs]e|harm|issues|problems|impact) (that|which) (\w+ ){0,2}(caused|created)\b/,
} as const;

/** Verbs clauses.ts knows besides the lists above (closed-class-like: saying, offering, finding out). */
const OTHER_VERBS = [
  'make', 'explain', 'conduct', 'apologize', 'apologise', 'regret', 'thank', 'appreciate', 'want', 'hope', 'know', 'understand', 'believe', 'feel', 'learn', 'share', 'work', 'plan', 'offer', 'refund', 'credit', 'give', 'provide', 'issue', 'owe', 'own', 'take', 'accept', 'experience', 'discover', 'detect', 'find', 'identify', 'notify', 'contact', 'alert', 'investigate', 'restore', 'resolve', 'begin', 'continue', 'pledge', 'commit', 'aim', 'intend', 'need', 'try', 'say', 'promise', 'ensure', 'devote', 'acknowledge', 'announce', 'receive', 'waive', 'reimburse', 'compensate', 'honor', 'honour', 'cover', 'invite', 'engage', 'commission', 'retain', 'instruct', 'ask', 'examine', 'decide', 'choose',
];

/** Every verb the lists above name: clauses.ts recognises them as verbs. */
export const KNOWN_VERBS: Set<string> = new Set();
/**
 * Fills KNOWN_VERBS from the lists. Run once here; a tool that edits CLAUSE_RULES in place (the
 * ablation in bench/check-eval.mjs) runs it again, with score.ts's refreshRuleSets.
 */
export function rebuildKnownVerbs(): void {
  KNOWN_VERBS.clear();
  for (const list of [CLAUSE_RULES.faultVerbs, CLAUSE_RULES.successVerbs, CLAUSE_RULES.changeVerbs, CLAUSE_RULES.relocationVerbs, CLAUSE_RULES.mechanismVerbs, CLAUSE_RULES.componentFails, OTHER_VERBS]) for (const v of list) KNOWN_VERBS.add(v);
}
rebuildKnownVerbs();

/** Words that infer a severe incident when --severity is not given (humour on it is a finding). */
export const SEVERE_MARKERS = {
  critical: /\b(exposed (your|customers'?|personal|their) (data|information|details)|social security|passports?|driver'?s licen[cs]e|personal (data|information|details)|data breach|breach(ed)?|hack(ed|ers?)|stolen|identity theft|injur(y|ies|ed)|deaths?|died|killed|fatal|hospitali[sz]ed|(in|to|into|taken to|admitted to) (the )?hospital|food poisoning|poison(ing|ed)?|unsafe|recall(ed)?|discriminat\w+|racial)\b/i,
  major: /\b((outage|down|offline|unavailable|disruption)[^.]{0,60}\b(\d+|several|many) (hours|days)|(\d+|several|many) (hours|days) (of )?(outage|downtime)|lost (production )?data|data (was )?lost|(\d[\d,.]*|thousands of|hundreds of) (flights|customers|users|people)[^.]{0,40}\b(cancel\w*|stranded|locked out|affected))\b/i,
};

/** Humour: a joke, an interjection or an understatement aimed at ourselves. */
export const HUMOUR_MARKERS: RegExp[] = [
  /\b(sing(ing)?|song|sea shanty|smile|laugh|jokes?|kitten|teacup|dance|silly|weird|(do|doing|did|does) (an|my|our|a) (best |bad |terrible )?impression|giggle|haha|lol|lmao|herald|trumpet|stern talking-to|stand in the corner|grovel|dramatic reading|rhymes?|operatic|red-faced|nature-documentary)\b/i,
  /\b(ouch|oops|whoops|yikes|d'oh|welp|oof)\b/i,
  // self-deprecation (LABELLING-round4.md: "a deliberate joke or self-deprecating line"): "bumbling entrepreneurs",
  // "we're not as smart as we think we are", "after you did something crummy"
  /\b(bumbl(e|es|ing|ers?)|(we'?re|we are|i'?m|i am) not as (smart|clever|good|organi[sz]ed) as (we|i) (think|thought)|something crummy|egg on (our|my) faces?|facepalm)\b/i,
  /\b(it'?s|that'?s|this is|was) not (ideal|our finest (hour|moment)|our best (day|moment|work))\b|\bnot our finest\b/i,
  /\b(yes|and yes),? it was the intern\b|\bno, really\b/i,
  /[\u{1F600}-\u{1F64F}\u{1F923}\u{1F926}]/u,
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
      /\b((customer|your) (satisfaction|experience|trust|safety|security|privacy|data)|satisfaction|customers?) (is|are|remains|has always been|have always been) (always |very |extremely )?(important|(our |a )(top |highest |number one |first )?priority)\b|\ba top priority (of ours|for us)\b/i,
      /\bwe (are )?(committed|dedicated) to (continuously |constantly )?(improving|excellence|providing the best)\b/i,
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
    patterns: [
      /\bwe('ll| will| are going to)( \w+)? (do|try to do|strive to do|work to do) better\b/i,
      /\bwe('re| are) (committed|working hard|determined) to (improv|do better|learn)/i,
      /\bwe (will|'ll) (learn from|take steps)\b/i,
      /\blessons? (have been|will be) learned\b/i,
      /\b(we|i)('ll| will| are going to| are)( \w+)? (make|making) (some |the )?(necessary )?changes\b(?! to (the|our|your) [\w-]+ [\w-]+)/i,
      /\b(take|taking) (all |the )?(necessary |appropriate )?(steps|measures|action)\b/i,
      /\b(doing|do) (everything|all) (we can|in our power|possible|that we can)\b/i,
      /\bwork is (already )?underway\b/i,
      /\b(continue|continuing|continuously|committed) to (improve|improving|strengthen|strengthening)( our (service|systems|security|defenses|processes))?\b(?! by| with)/i,
      /\bmake sure (this|it|that) (doesn't|does not|never|won't|will not) happen( ever)? again\b/i,
      /\b(adding|add|added|buying|bought|getting|got) (more|additional|extra) (servers?|capacity|staff|people|resources|machines|hardware)\b(?! (to|for|in|on|at) )/i,
    ],
  },
  {
    id: 'vague-explanation',
    severity: 'warning',
    source: 'Lewicki et al. 2016: an explanation must say what went wrong; corpus: "the power supply issue", "human error and technology failures" explained nothing to readers',
    hint: 'Say what actually failed and how: which system, change or step, and what it did ("a config push removed two thirds of the servers"), not "a technical issue".',
    // found in score.ts from CLAUSE_RULES.causeWords and vagueCauseWords, only when no explanation is present
    patterns: [],
  },
];

/**
 * Words that negate a match right after them in the same clause. A match is at most 41 characters
 * ("rather than" and 30 more): score.ts tries it on the last 64 characters only, so keep it short.
 */
export const NEGATION_BEFORE = /\b(not|never|no|without|instead of|rather than|won't|will not|wouldn't|refuse to|don't|do not|didn't|did not|isn't|nor)\b(?:(?!\b(?:and|but|because)\b)[^.,;:!?]){0,30}$/i;
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
export const CLOSING = /^(sincerely|best|best wishes|kind regards|regards|warm(ly| regards| wishes)?|(many )?thanks|thank you( again)?( for [\w ]+)?|cheers|yours( truly| sincerely)?|with apologies|all the best|respectfully|take care|speak soon)[,.!]?$/i;
