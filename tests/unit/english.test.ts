import { describe, expect, it } from 'vitest';
import { cleanEnglish, englishProblems, normaliseEnglish } from '../../src/text/english.js';

// Tuesday 1 December 2026: the day the letters are written and the dates are read against.
const NOW = new Date('2026-12-01T09:00:00Z');
const o = { ref: NOW, now: NOW, locale: 'en' };

/** Fields as managers type them in a hurry, and what the letter prints. */
const TABLE: [string, string][] = [
  // 1. I
  ['i proofread the rota but missed it', 'I proofread the rota but missed it'],
  ["i'm sorry, i'll call you myself", "I'm sorry, I'll call you myself"],
  ["i've refunded it and i'd like to explain", "I've refunded it and I'd like to explain"],
  ['the vet and i both missed it.', 'the vet and I both missed it.'],
  ['i.e. the label, see (i) above', 'i.e. the label, see (i) above'],
  // 2. Contractions typed without their apostrophe
  ['we didnt call and it doesnt help', "we didn't call and it doesn't help"],
  ['we werent told and couldnt reach you', "we weren't told and couldn't reach you"],
  ['it isnt fixed yet but we havent stopped', "it isn't fixed yet but we haven't stopped"],
  ['you wont be charged and we cant see why', "you won't be charged and we can't see why"],
  ["theyre on their way, thats the good news", "they're on their way, that's the good news"],
  ["whats happened is theres a fault", "what's happened is there's a fault"],
  ['we shouldnt have and wouldnt again, ive checked', "we shouldn't have and wouldn't again. I've checked"],
  ['youre right, youve been patient', "you're right, you've been patient"],
  ['Dont worry, im on it', "Don't worry, I'm on it"],
  ['its been fixed, but its lid was loose', "it's been fixed, but its lid was loose"],
  ['lets call you tomorrow; it lets you log in', "let's call you tomorrow; it lets you log in"],
  ['were sorry. Well call you. id like to explain', "we're sorry. We'll call you. I'd like to explain"],
  ['they were sorry, well before noon, we wed on fri', 'they were sorry, well before noon, we wed on Friday'],
  // 3. Dates, against Tuesday 1 December 2026
  ['your appointment on tue 24 nov', 'your appointment on Tuesday 24 November'],
  ['the visit on wed 25 nov', 'the visit on Wednesday 25 November'],
  ['booked for 26 nov', 'booked for Thursday 26 November'],
  ['booked for nov 26', 'booked for Thursday 26 November'],
  ['new appt booked for thurs 26th 10:20', 'new appointment booked for Thursday 26 November at 10:20'],
  ['delivered on fri 27th', 'delivered on Friday 27 November'],
  ['your refund lands by the 4th', 'your refund lands by Friday 4 December'],
  ['new date: thu 3 dec 2pm', 'new date: Thursday 3 December at 2pm'],
  ['the 26th of nov', 'Thursday 26 November'],
  ['on sat 28 nov at 9.15am', 'on Saturday 28 November at 9:15am'],
  ['dec 8th', 'Tuesday 8 December'],
  ['on 24/11', 'on Tuesday 24 November'],
  ['back on 5 jan', 'back on Tuesday 5 January 2027'],
  ['resubmit by mon morning, not fri', 'resubmit by Monday morning, not fri'],
  ['on thursday in november and since dec', 'on Thursday in November and since December'],
  ['since nov 2026', 'since November 2026'],
  ['weds 25 nov', 'Wednesday 25 November'],
  ['the 9am spin class on sat was cancelled', 'the 9am spin class on Saturday was cancelled'],
  ['we left them on sun loungers', 'we left them on sun loungers'],
  ['moved to on may 5th', 'moved to on Wednesday 5 May 2027'],
  ['shipped 10/11, delivered 14/11', 'shipped 10/11, delivered on Saturday 14 November'],
  ['closed from 24-26 nov, and on 24 & 25 nov', 'closed from 24 to 26 November, and on 24 and 25 November'],
  ['tue 24 & wed 25 nov', 'Tuesday 24 November and Wednesday 25 November'],
  ['tue 24 nov approx 2 p.m.', 'Tuesday 24 November at about 2pm.'],
  ['Monday 8 December, as typed', 'Monday 8 December, as typed'],
  ['2026-11-24 09:12–10:31 UTC', '2026-11-24 09:12–10:31 UTC'],
  ['customers may 2 weeks', 'customers may 2 weeks'],
  ['we sat 3 people at the wrong table', 'we sat 3 people at the wrong table'],
  ['support 24/7, half off by 1/2', 'support 24/7, half off by 1/2'],
  // Times and quantities
  ['down for 3 hrs 10 min', 'down for 3 hours 10 minutes'],
  ['1 hr 5 mins, then 2 wks', '1 hour 5 minutes, then 2 weeks'],
  ['a 10 min wait', 'a 10-minute wait'],
  ['around 2 p.m. or 2:30 PM', 'around 2pm or 2:30pm'],
  ['we opened at 9 a.m. The queue', 'we opened at 9am. The queue'],
  // Shorthand
  ['approx 40 ppl, pls call asap', 'about 40 people, please call as soon as possible'],
  ['we now text 2 hrs before, approx', 'we now text 2 hours before or so'],
  ['Pls reply w/ your order no.', 'Please reply with your order number.'],
  ['w/o charge b/c the van broke', 'without charge because the van broke'],
  ['~2 hours thru the night', 'about 2 hours through the night'],
  ['cake & flowers from Smith & Sons, not M&S', 'cake and flowers from Smith & Sons, not M&S'],
  ['ASAP we will fix it', 'As soon as possible we will fix it'],
  // 5. What is never changed
  ['flight SK206 and invoice INV-1042 dont match', "flight SK206 and invoice INV-1042 don't match"],
  ['see https://status.example.com/i/dont and mail i@shop.example', 'see https://status.example.com/i/dont and mail i@shop.example'],
  ['the "dont panic" email and the \'i cant\' note', 'the "dont panic" email and the \'i cant\' note'],
  ['our iPhone app and eBay shop didnt sync', "our iPhone app and eBay shop didn't sync"],
  ['WE DIDNT CALL', "we didn't call"],
  // An abbreviated weekday before a bare number is left as typed, dot and all (not "Sunday. 2", which a second pass would read as a date).
  ['since sun. 2 i', 'since sun. 2 I'],
  ['sick cover now triggers reassignment + the office phones every customer', 'sick cover now triggers reassignment and the office phones every customer'],
  ['our Google+ page and 2 + 2 stay', 'our Google+ page and 2 + 2 stay'],
];

describe('English shorthand as the letters print it', () => {
  it('the table has at least 40 phrasings', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
  for (const [typed, printed] of TABLE) {
    it(`${JSON.stringify(typed)} → ${JSON.stringify(printed)}`, () => {
      expect(normaliseEnglish(typed, o)).toBe(printed);
      // Once is enough: the cleaned text is left as it is.
      expect(normaliseEnglish(printed, o)).toBe(printed);
    });
  }

  it('a bare "on the 14th" in a field about the past is the last 14th, elsewhere the nearest', () => {
    // 1 December: the nearest 14th is 14 December, but a bug "in the update on the 14th" already happened.
    expect(normaliseEnglish('a bug in the app update on the 14th, so billing fell back', { ...o, past: true })).toBe('a bug in the app update on Saturday 14 November, so billing fell back');
    expect(normaliseEnglish('your new date is on the 14th', o)).toBe('your new date is on Monday 14 December');
    // the day itself, and yesterday, count as past
    expect(normaliseEnglish('it broke on the 1st', { ...o, past: true })).toBe('it broke on Tuesday 1 December');
  });

  it('"tho", "this am", "part no." as a letter says them', () => {
    expect(normaliseEnglish("even tho you'd sent us a reading", o)).toBe("even though you'd sent us a reading");
    expect(normaliseEnglish('the right one arrived this am.', o)).toBe('the right one arrived this morning.');
    expect(normaliseEnglish('we check the part no. against the frame', o)).toBe('we check the part number against the frame');
    // never a word that only contains them
    expect(normaliseEnglish('thorough checks, and this amount is right', o)).toBe('thorough checks, and this amount is right');
  });

  it('emphasis in capitals, "yr" before a name, "between 14-17 nov"', () => {
    expect(normaliseEnglish('our engineers now ring the office AND text you direct', o)).toBe('our engineers now ring the office and text you direct');
    expect(normaliseEnglish('please do NOT pay the second invoice', o)).toBe('please do not pay the second invoice');
    // a name or a text in capitals is left alone
    expect(normaliseEnglish('we moved to AND Digital for hosting', o)).toBe('we moved to AND Digital for hosting');
    expect(normaliseEnglish('25% off yr December subscription', o)).toBe('25% off your December subscription');
    expect(normaliseEnglish('readings sent between 14-17 nov were missed', { ...o, past: true })).toBe('readings sent between 14 and 17 November were missed');
  });

  it('a date in another year keeps its year, read against the incident clock', () => {
    const ref = new Date('2025-03-10T00:00:00Z');
    expect(normaliseEnglish('on tue 4 mar', { ref, now: NOW, locale: 'en' })).toBe('on Tuesday 4 March 2025');
  });

  it('"3/4"-style dates follow the company locale, and are left alone when it does not say', () => {
    expect(normaliseEnglish('on 5/6', { ...o, locale: 'en-GB' })).toBe('on Friday 5 June');
    expect(normaliseEnglish('on 5/6', { ...o, locale: 'en-US' })).toBe('on Thursday 6 May 2027');
    expect(normaliseEnglish('on 5/6', o)).toBe('on 5/6');
  });

  it('a weekday that is not the date’s is written as typed (the writer is warned)', () => {
    expect(normaliseEnglish('tue 25 nov', o)).toBe('Tuesday 25 November');
  });
});

describe('what the writer is told', () => {
  const problems = (text: string, locale = 'en') => englishProblems(text, { ...o, locale }).map((p) => `${p.problem} — ${p.example}`);

  it('a certain comma splice is split by the normaliser; one it is not sure of is told, with the sentence split', () => {
    expect(normaliseEnglish('your appointment was cancelled with no call to you, you got here and there was no vet', o)).toBe('your appointment was cancelled with no call to you. You got here and there was no vet');
    expect(problems('The van broke down on the motorway, we had no spare')).toEqual([]);
    const [p, ...rest] = problems('we found that the van was broken, we had no spare');
    expect(rest).toEqual([]);
    expect(p).toContain('joins two sentences with a comma');
    expect(p).toContain('"…we found that the van was broken. We had no spare…"');
  });

  it('no splice where the first clause leans on the second', () => {
    for (const ok of ['When you arrived, you found the door locked', 'After 3 hours, we cancelled it', 'Sorry, we missed it', 'Your order, which we sent late, was lost', "newsletters now go out through the service, and if it's down, we wait", 'after we cancelled your flight SK204, we rebooked you']) {
      expect(problems(ok), ok).toEqual([]);
    }
  });

  it('a possessive without its apostrophe, rarely a false one', () => {
    expect(problems('your pets post-operative check')[0]).toContain(`"your pet's post-operative" (one) or "your pets' post-operative" (several)`);
    expect(problems('your dogs annual vaccination')[0]).toContain(`"your dog's annual"`);
    expect(problems('your childs medical notes')[0]).toContain(`"your children's medical"`);
    expect(problems('our sales team and your savings account, our systems team, your glasses case, your orders arrived late')).toEqual([]);
  });

  it('capitals, a long sentence, a date it could not read', () => {
    expect(problems('WE ARE VERY SORRY FOR THIS')[0]).toContain('"We are very sorry for this…"');
    expect(problems('The DHL and UPS parcels left on time')).toEqual([]);
    const long = Array.from({ length: 45 }, (_, i) => (i % 5 === 0 ? 'and' : 'word')).join(' ');
    expect(problems(long)[0]).toContain('one sentence of 45 words');
    expect(problems('delivered thurs 27th')[0]).toBe('says "thurs 27th", but no 27th near Tuesday 1 December is a Thursday — "Friday 27 November" (or the date you meant)');
    expect(problems('on 5/6')[0]).toContain('reads as 5 June or May 6');
    expect(problems('tue 5/6', 'en-GB')[0]).toContain('but 5 June 2026 is a Friday');
  });

  it('quotations and codes are not read', () => {
    expect(problems('we wrote "YOUR ORDER IS CANCELLED NOW" by mistake')).toEqual([]);
    expect(cleanEnglish('SK206, INV-1042', o).notes).toEqual([]);
  });
});
