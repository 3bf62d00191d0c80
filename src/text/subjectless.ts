/**
 * A note typed with its subject left off, where the subject can only be us: "didn't turn up for the booked
 * sweep", "forgot to book the courier", "never sent the confirmations" (a mistake or its cause), and a change
 * typed as what we're doing ("moving the diary onto an online system", "adding a second check"). Said with
 * its subject ("We didn't turn up…", "We're moving…") before text/notes.ts reads the rest. Only forms that
 * cannot be a passive or a noun: "sent to the wrong address" and "training for all drivers" are left alone.
 */
const NEGATED = /^(?:didn['’]?t|did not|never|forgot(?: to)?|failed to|couldn['’]?t|could not|wasn['’]?t able to|weren['’]?t able to|hadn['’]?t|had not|overlooked|ran out of|mixed up|messed up|let (?:you|it|them) )(?=\s|$)/iu;
const CHANGE = /^(?:moving|adding|switching|changing|introducing|hiring|putting|setting up|building|replacing|upgrading|reviewing|rolling out|retraining|bringing in|installing|migrating|rewriting|tightening|splitting|automating|removing|renaming|relabelling|labelling|double-checking|checking)(?=\s+\S)/iu;

export type SubjectRole = 'mistake' | 'cause' | 'commitment';

export function subjectFirst(text: string, role: SubjectRole): string {
  const t = text.trimStart();
  const lead = text.slice(0, text.length - t.length);
  if (role !== 'commitment') {
    const m = NEGATED.exec(t);
    if (!m) return text;
    // notes12: "never left the yard", "didn't arrive": what a parcel does, not us; no subject is made up (the writer is told).
    if (/^(?:never|didn['’]?t|did not)\s+(?:left|leave|arrived?|reached|reach|got to|get to|came|come|made it)(?![\p{L}])/iu.test(t)) return text;
    // "didnt" is written out by text/english.ts before this runs; the first word keeps its case after "We".
    return `${lead}We ${t[0]!.toLowerCase()}${t.slice(1)}`;
  }
  const m = CHANGE.exec(t);
  if (!m) return text;
  return `${lead}We're ${t[0]!.toLowerCase()}${t.slice(1)}`;
}
