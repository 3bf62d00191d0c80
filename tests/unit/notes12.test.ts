import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { localizeIncident } from '../../src/incident/localize.js';
import { readerAsYou, readerLeft, readerThings } from '../../src/text/reader-voice.js';
import { signerFirst } from '../../src/text/signer-voice.js';
import { noteProblems, noteToProse } from '../../src/text/notes.js';
import { normaliseEnglish } from '../../src/text/english.js';
import { adviseOnEnglish } from '../../src/incident/advice.js';

/**
 * notes12: telegraph notes pasted from a ticket (shorthand, " - " fragments, status tags, a "thx"),
 * and the reader or the signer spoken of in the third person, as the letter weaves them. Each case
 * fails if its rule breaks.
 */
const NOW = new Date('2026-11-26T09:00:00Z');

function woven(field: string, note: string, extra: Partial<IncidentInput> = {}): string {
  const input: IncidentInput = {
    id: 'n12',
    company: { name: 'Northwind Goods', phone: '0161 496 0000' },
    signer: { name: 'Priya Shah', title: 'Customer Care Lead' },
    scenario: 'generic',
    severity: 'moderate',
    mistake: 'your order left us three days late',
    affected: 40,
    rootCause: 'a courier strike held our vans',
    commitment: 'we now use a second courier when the first is held up',
    remedy: { kind: 'credit', details: 'a £10 credit on your account' },
    ...extra,
  };
  if (field === 'remedy.details') input.remedy = { kind: 'credit', details: note };
  else (input as unknown as Record<string, unknown>)[field] = note;
  const inc = localizeIncident(validateIncident(input), 'en', NOW);
  if (field === 'remedy.details') return inc.remedy.details!;
  return (inc as unknown as Record<string, string>)[field]!;
}

const english = (t: string) => normaliseEnglish(t, { ref: NOW, now: NOW });

describe('shorthand a ticket uses', () => {
  it.each([
    ['confirm yr new address', 'confirm your new address'],
    ['a 3 yr warranty', 'a 3-year warranty'],
    ['db migration failed', 'database migration failed'],
    ['cust. rang re missing item', 'customer rang about missing item'],
    ['spoke to cust. She was upset', 'spoke to customer. She was upset'],
    ['tracking no. in a separate email', 'tracking number in a separate email'],
    ['refund shd show next wk', 'refund should show next week'],
  ])('%s → %s', (typed, said) => expect(english(typed)).toBe(said));
});

describe('ticket fragments', () => {
  it('" - " between pieces is a comma, and a bare participle after it is what we did ("and we re-sent it")', () => {
    expect(woven('mistake', 'pallet missed at dispatch - re-sent')).toBe('the pallet was missed at dispatch, and we re-sent it.');
    expect(woven('outcome', 'parcel found in the hub - sent today')).toBe("the parcel has been found in the hub, and we've sent it today.");
  });
  it('"…, never delivered": what was never done to it', () => {
    expect(woven('mistake', 'box left at depot 2 days - never delivered')).toBe('the box was left at the depot for 2 days, and it was never delivered.');
  });
  it('a status tag ("(done)") and a closing "thx" are dropped', () => {
    expect(woven('outcome', 'refund issued (done)')).toBe('the refund has been issued.');
    expect(woven('action', "call us if the colour's wrong - thx")).toBe("please call us if the colour's wrong.");
  });
  it('a prose note keeps its dash', () => {
    expect(noteToProse('We were late - and we know it.', 'mistake')).toBe('We were late - and we know it.');
  });
  it('"…, no rush" is its own sentence; two requests after a comma are joined with "and"', () => {
    expect(woven('action', 'return the M size w/ the prepaid label, no rush')).toBe("please return the M size with the prepaid label. There's no rush.");
    expect(woven('action', "pls check yr statement next wk, ring us if it's not there")).toBe("please check your statement next week, and ring us if it's not there.");
  });
});

describe('heads a note garbles', () => {
  it('an adverb is never given an article ("the never left the yard"), and the writer is told the sentence has no subject', () => {
    const out = woven('outcome', 'never left the yard');
    expect(out).not.toMatch(/^the never/iu);
    expect(noteProblems('never left the yard', 'mistake').map((p) => p.problem).join(' ')).toMatch(/no subject/u);
  });
  it('a mistake that says what a parcel did is not given "We" ("We never left the yard")', () => {
    expect(woven('mistake', 'never left the yard')).not.toMatch(/^We /u);
  });
  it('a name typed at the head gets no article; a common noun typed with a capital is said in lower case', () => {
    expect(woven('mistake', 'Tom forgot the keys')).toBe('Tom forgot the keys.');
    expect(woven('mistake', 'Order never left the yard')).toBe('The order never left the yard.');
  });
  it('"new hires shadow a senior" is no "a new hires"; "2nd charge reversed" is the second charge', () => {
    expect(woven('commitment', 'new hires shadow a senior for 2 wks')).toBe('new hires shadow a senior for 2 weeks.');
    expect(woven('outcome', '2nd charge reversed')).toBe('the second charge has been reversed.');
  });
  it('small words a careful writer puts in', () => {
    expect(woven('mistake', 'courier lost parcel, reshipped 2day')).toBe('our courier lost your parcel, and we reshipped it by two-day delivery.');
    expect(woven('mistake', 'Blue mug sent instead of green.')).toBe('The blue mug was sent instead of the green one.');
    expect(woven('mistake', 'we promised 24h delivery but took 6 days')).toBe('we promised 24-hour delivery but it took 6 days.');
    expect(woven('rootCause', 'DISK FULL ON MAIN SERVER')).toBe('the disk was full on the main server.');
    expect(woven('outcome', 'refund £24.99 done, 3-5 days to show')).toBe("we've refunded £24.99. It can take 3 to 5 days to show.");
    expect(woven('action', 'ignore the 2nd invoice')).toBe('please ignore the second invoice.');
    expect(woven('remedy.details', '£5 credit added to your account')).toBe('a £5 credit on your account');
  });
});

describe('the reader in the third person', () => {
  it.each([
    ['mistake', 'customer was charged twice', 'you were charged twice.'],
    ['mistake', 'his account was locked for 3 days', 'your account was locked for 3 days.'],
    ['mistake', "the client's order shipped w/o invoice", 'your order shipped without invoice.'],
    ['mistake', 'cust. rang re missing item, no callback', 'you rang about missing item, and there was no callback.'],
    ['mistake', 'she missed her slot b/c our sms went out late', 'you missed your slot because our SMS went out late.'],
    ['mistake', 'the customer rang twice and nobody called her back', 'you rang twice and nobody called you back.'],
    ['outcome', "refund sent to customer's card", 'the refund has been sent to your card.'],
    ['action', "we'll ring the customer tmrw", "we'll ring you tomorrow."],
    ['action', 'customer to return the faulty unit', 'please return the faulty unit.'],
  ])('[%s] %s → %s', (field, typed, said) => expect(woven(field, typed)).toBe(said));

  it('a note that already speaks to the reader means them by the "her" we were to contact', () => {
    expect(woven('mistake', "tech no-show for cust's 8-10am slot tues, no call to warn her", { scenario: 'missed-appointment' })).toBe("our technician didn't turn up for your 8-10am slot on Tuesday, and there was no call to warn you.");
  });
  it('"she\'d asked" after a note that names the reader is "you\'d asked" (never "the she\'d was asked")', () => {
    expect(woven('mistake', "client's bouquet sent w/ lilies - she'd asked for none")).toBe("your bouquet was sent with lilies. You'd asked for none.");
  });
  it('third parties are never touched', () => {
    expect(woven('mistake', 'driver left his van unlocked')).toBe('our driver left his van unlocked.');
    expect(woven('rootCause', 'customer service line was down')).toBe('the customer service line was down.');
    expect(readerAsYou('our technician said he would call back', {})).toBe('our technician said he would call back');
  });
  it('"his" and "her" are the reader\'s only with nobody else in the note, and only before a reader\'s thing', () => {
    expect(readerThings('our driver left her parcel at the wrong door', {})).toBe('our driver left her parcel at the wrong door');
    expect(readerThings('engineer forgot his tools', {})).toBe('engineer forgot his tools');
    expect(readerThings('the job was left off his route sheet', {})).toBe('the job was left off his route sheet');
    expect(readerThings("a letter was sent to another patient's address", { one: 'patient' })).toBe("a letter was sent to another patient's address");
  });
  it('"he" with nobody before it is someone of ours, never the reader ("he was off sick")', () => {
    expect(woven('rootCause', 'he was off sick and nobody covered')).not.toMatch(/you/u);
  });
  it('the people noun of the incident is the reader too ("the patient\'s results")', () => {
    expect(readerThings("the patient's results were sent late", { one: 'patient' })).toBe('your results were sent late');
    expect(readerThings("the patient's results were sent late", {})).toBe("the patient's results were sent late");
  });
  it('a titled name is the reader only in a letter to one person; otherwise the writer is told', () => {
    expect(readerThings("Mr Patel's parcel went to the wrong address", { single: true })).toBe('your parcel went to the wrong address');
    expect(readerThings("Mr Patel's parcel went to the wrong address", {})).toBe("Mr Patel's parcel went to the wrong address");
    expect(readerLeft("Mr Patel's parcel went to the wrong address", {})).toBe('Mr Patel');
    const advice = adviseOnEnglish({ mistake: "Mr Patel's parcel went to the wrong address", affected: 12 }, NOW);
    expect(advice.some((a) => a.field === 'mistake' && /third person/u.test(a.problem))).toBe(true);
    expect(adviseOnEnglish({ mistake: "Mr Patel's parcel went to the wrong address", affected: 1 }, NOW).some((a) => /third person/u.test(a.problem))).toBe(false);
  });
});

describe('the signer in the third person', () => {
  it('the signer as a note\'s subject is "I", before the note layer could make it "The Priya"', () => {
    expect(woven('mistake', 'Priya forgot to send the quote')).toBe('I forgot to send the quote.');
    expect(signerFirst('Priya to call every customer personally', 'Priya Shah')).toBe("I'll call every customer personally");
    expect(signerFirst("Priya's rota was wrong", 'Priya Shah')).toBe('my rota was wrong');
  });
  it('"the manager" is the signer when the signer manages', () => {
    expect(signerFirst('the manager approved the batch twice', 'Margot Pemberton', 'Store Manager')).toBe('I approved the batch twice');
    expect(signerFirst('the manager approved the batch twice', 'Margot Pemberton', 'Owner')).toBe('the manager approved the batch twice');
  });
  it('the signer\'s verb agrees with "I" ("Ruth checks" → "I check")', () => {
    expect(signerFirst('slips reprinted and Ruth checks allergy orders herself', 'Ruth Adeyemi')).toBe('slips reprinted and I check allergy orders myself');
  });
  it('a team signs as a team', () => {
    expect(signerFirst('Support Team to call you', 'Support Team')).toBe('Support Team to call you');
  });
  it('a signer who calls the customer back keeps "back" ("I\'ll call her back" is never "my back")', () => {
    expect(signerFirst('Priya to call her back tomorrow', 'Priya Shah')).toBe("I'll call her back tomorrow");
  });
});
