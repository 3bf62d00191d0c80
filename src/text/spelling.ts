/**
 * spell16: a manager's typos ("sytem", "afected", "recieved", "adress", "seperate", "occured", "definately")
 * corrected, conservatively, in an English field, and each correction told to the writer.
 *
 * Only a word typed in lower case, of four letters or more, that is no word of the US or British dictionary
 * (text/english-words.ts), nor a known word with a prefix ("rebooked", "preorder") or two known words run
 * together ("timeslot", "checkout"), nor a name the incident gives ("Fluxo", the company, the signer), nor a
 * dictionary name typed small ("hermes"). Its candidates are the dictionary words one edit away, ranked by how
 * a hand slips: two letters swapped ("recieved"); a doubled letter typed once or a letter typed twice ("adress",
 * "occured", "untill"); a letter left out ("sytem"); a vowel for a vowel or a key for its neighbour
 * ("seperate", "definately"); a letter too many beside its neighbour key. The word is corrected only when the
 * first rank that has a candidate has exactly one. Quotations, URLs, addresses and codes never reach this
 * (text/english.ts holds them aside first).
 */
import { hasEnglishWords, isEnglishWord } from './english-words.js';

export interface SpellFix {
  from: string;
  to: string;
}

/** Words of notes that no dictionary has and that are no typo: never corrected. */
const NOTE_WORDS = new Set([
  'rebook', 'rebooks', 'rebooked', 'rebooking', 'preorder', 'preorders', 'preordered', 'checkout', 'checkouts', 'signup', 'signups', 'login', 'logins', 'logout',
  'dropdown', 'webhook', 'webhooks', 'timeslot', 'timeslots', 'mixup', 'mixups', 'restock', 'restocked', 'unsubscribe', 'unsubscribed', 'geofence', 'onboarding',
  'offboarding', 'upsell', 'walkin', 'prepped', 'prepping', 'rota', 'rotas', 'fulfil', 'fulfilment', 'refundable', 'nonrefundable', 'reship', 'reshipped', 'reshipping',
  'resend', 'resent', 'reschedule', 'rescheduled', 'recheck', 'rechecked', 'recheck', 'reprint', 'reprinted', 'reissue', 'reissued', 'reupload', 'reuploaded',
  'dashboard', 'dashboards', 'backend', 'frontend', 'hotfix', 'hotfixes', 'rollback', 'rollout', 'failover', 'cron', 'config', 'configs', 'sync', 'synced', 'syncing',
  'autopay', 'autorenew', 'autorenewal', 'payout', 'payouts', 'chargeback', 'chargebacks', 'barcode', 'barcodes', 'postcode', 'postcodes', 'voicemail', 'voicemails',
  'wifi', 'bluetooth', 'ethernet', 'smartphone', 'smartphones', 'laptop', 'laptops', 'touchscreen', 'screenshot', 'screenshots', 'offline', 'online', 'website', 'websites',
  'popup', 'popups', 'plugin', 'plugins', 'app', 'apps', 'sms', 'qr', 'ebay', 'etsy', 'shopify', 'paypal', 'stripe', 'klarna', 'evri', 'yodel', 'parcelforce', 'dpd', 'ups',
  'helpdesk', 'inbox', 'inboxes', 'username', 'usernames', 'email', 'emails', 'emailed', 'emailing', 'texted', 'texting', 'ebook', 'ebooks', 'eticket', 'etickets',
]);

/** Prefixes a note puts on a known word ("rebooked", "unticked", "overcharged"); a short one only on a long word ("untill" is no "un-till"). */
const PREFIX = /^(?:(?:re|pre|mis|over|under|out|non|sub|multi|auto|self|post|dis|double|triple|cross|counter)(?=\p{Ll}{4,}$)|(?:un|co|de|e)(?=\p{Ll}{5,}$))/u;
/** A word after a known word that makes one word of two ("mixup", "checkin", "dropoff"). */
const PARTICLE = /^(?:up|in|out|on|off|over|back|down|away|by)$/u;

const VOWEL = /[aeiouy]/u;
const KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Whether two letters are beside each other on a QWERTY keyboard. */
function neighbours(a: string, b: string): boolean {
  for (let r = 0; r < KEYS.length; r++) {
    const i = KEYS[r]!.indexOf(a);
    if (i < 0) continue;
    for (let s = Math.max(0, r - 1); s <= Math.min(2, r + 1); s++) {
      const j = KEYS[s]!.indexOf(b);
      if (j >= 0 && Math.abs(j - i) <= 1 && !(s === r && j === i)) return true;
    }
  }
  return false;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Whether a lower-case word reads as English as typed (a word, a prefixed word, two words run together, a note's word). */
export function knownWord(w: string): boolean {
  if (NOTE_WORDS.has(w) || isEnglishWord(w)) return true;
  const p = PREFIX.exec(w);
  if (p && isEnglishWord(w.slice(p[0].length))) return true;
  // Two words run together: both of four letters or more ("timeslot"; "insted" is no "ins" + "ted"), or a word and its particle ("mixup").
  for (let i = 3; i <= w.length - 2; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (((a.length >= 4 && b.length >= 4) || PARTICLE.test(b)) && isEnglishWord(a) && isEnglishWord(b)) return true;
  }
  // Who does a known verb ("balancer", "rebooker"): never a past or "-ing", where a typo hides ("occured", "occuring").
  const agent = /^(\p{Ll}{4,}?)(?:e?rs?)$/u.exec(w);
  if (agent && (isEnglishWord(agent[1]!) || isEnglishWord(`${agent[1]!}e`)) && /e?rs?$/u.test(w)) return true;
  return false;
}

/** The one correction of a lower-case word no dictionary knows, or undefined when there is none or more than one. */
export function correction(w: string): string | undefined {
  // rank → candidates (Sets: one word reached by two edits counts once)
  const ranks: Set<string>[] = [new Set(), new Set(), new Set(), new Set(), new Set()];
  const add = (rank: number, c: string) => {
    if (c.length >= 3 && isEnglishWord(c)) ranks[rank]!.add(c);
  };
  for (let i = 0; i < w.length - 1; i++) {
    if (w[i] !== w[i + 1]) add(0, w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  for (let i = 0; i <= w.length; i++) {
    for (const c of LETTERS) {
      // A letter left out: doubled beside itself ("adress" → "address") ranks above any other.
      const doubled = c === w[i - 1] || c === w[i];
      add(doubled ? 1 : 2, w.slice(0, i) + c + w.slice(i));
    }
  }
  for (let i = 0; i < w.length; i++) {
    const here = w[i]!;
    // A letter too many: typed twice ("untill") ranks with a doubled letter typed once; beside its neighbour key, last.
    if (here === w[i + 1] || here === w[i - 1]) add(1, w.slice(0, i) + w.slice(i + 1));
    else if ((w[i - 1] !== undefined && neighbours(here, w[i - 1]!)) || (w[i + 1] !== undefined && neighbours(here, w[i + 1]!))) add(4, w.slice(0, i) + w.slice(i + 1));
    // A letter for another only in a long word ("seperate", "definately"): a shorter word no dictionary knows is as likely a
    // name of the trade ("lapsang" is no "lapsing", "kombu" no "kombi").
    if (w.length < 8) continue;
    for (const c of LETTERS) {
      if (c === here) continue;
      if ((VOWEL.test(c) && VOWEL.test(here)) || neighbours(c, here)) add(3, w.slice(0, i) + c + w.slice(i + 1));
    }
  }
  for (const rank of ranks) {
    if (rank.size === 0) continue;
    return rank.size === 1 ? [...rank][0] : undefined;
  }
  return undefined;
}

/** A word of a note in lower case letters only, standing alone (not part of a hyphenated word, a path, a handle, a held span). */
const WORD = /(?<![\p{L}\p{N}'’@/\\._#&+\-\uE000-\uF8FF])\p{Ll}{4,}(?![\p{L}\p{N}'’@/\\_#\-\uE000-\uF8FF]|\.[\p{L}\p{N}])/gu;

/**
 * The text with each typo corrected, and the corrections. `names`: words the incident gives as names (any case):
 * never corrected.
 */
export function correctSpelling(text: string, names: ReadonlySet<string>): { text: string; fixes: SpellFix[] } {
  const fixes: SpellFix[] = [];
  if (!/[a-z]{4}/u.test(text) || !hasEnglishWords()) return { text, fixes };
  const out = text.replace(WORD, (w: string) => {
    if (!/^[a-z]+$/u.test(w) || names.has(w) || knownWord(w)) return w;
    // A name the dictionary gives with its capital ("hermes", "london"): a name typed small, not a typo.
    if (isEnglishWord(w[0]!.toUpperCase() + w.slice(1))) return w;
    const to = correction(w);
    if (to === undefined) return w;
    fixes.push({ from: w, to });
    return to;
  });
  return { text: out, fixes };
}
