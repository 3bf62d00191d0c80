import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { incidentWarnings, validateIncident } from '../../src/incident/validate.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { normaliseEnglish } from '../../src/text/english.js';
import { noteToProse } from '../../src/text/notes.js';

/**
 * The classes of defect a blind reader found in this round's letters (set new10), each on facts of its own:
 * a stock "what it cost you" line after a mistake that already says it, a category typed as the cause and
 * then nothing said, the new day named twice in one closing line, notes' missing apostrophes, comma splices
 * the notes layer makes, "40-minute notice", "before end of", and the two humour lines readers found odd.
 */
const library = new TemplateLibrary();
const NOW = new Date('2026-12-02T09:00:00Z'); // a Wednesday
const ann = () => recipientFromMailbox('ann@example.com', 'Ann Lee', {});
const letter = (input: IncidentInput) => createComposer(validateIncident(input), library, { now: NOW, stage: 'apology' })(ann()).text;
const clean = (t: string) => normaliseEnglish(t, { ref: NOW, now: NOW });

const base: IncidentInput = {
  company: { name: 'Harbour Dental', phone: '01632 960000' },
  signer: { name: 'Priya Shah', title: 'Practice Manager' },
  scenario: 'missed-appointment',
  severity: 'moderate',
  mistake: 'nobody was at reception when you arrived for your check-up on Monday',
  affected: 6,
  rootCause: 'our receptionist was off sick and the cover rota had a gap',
  commitment: 'the cover rota is now checked every Friday for the week ahead',
  remedy: { kind: 'waived-fee', details: 'no charge for the rebooked check-up' },
  humour: 'off',
};

describe('no stock cost line after a mistake that says its cost', () => {
  const STOCK = /kept that time free|were ready for your|gave up time for|came to .* at a moment that mattered|should have been simple for you|relying on .* for this|You should never have had to deal with this/;
  it('"…so your class didn\'t happen", "…when most passengers were already at the terminal": the mistake stands alone', () => {
    for (const [scenario, mistake] of [
      ['service-outage', 'our online classroom was down most of thurs evening so your 7pm class didnt happen'],
      ['generic', 'we cancelled the 07:30 sailing with only 40 mins notice, when most passengers were already at the terminal'],
      ['missed-appointment', 'our engineer did not come on Monday, leaving you without heating all day'],
    ] as const) {
      for (let n = 0; n < 6; n++) {
        for (const severity of ['minor', 'moderate', 'major'] as const) expect(letter({ ...base, id: `cost-${n}`, scenario, severity, mistake })).not.toMatch(STOCK);
      }
    }
  });
  it('a bare mistake still gets a line on what it cost', () => {
    const texts = Array.from({ length: 6 }, (_, n) => letter({ ...base, id: `bare-${n}`, mistake: 'we missed your check-up on Monday' }));
    expect(texts.some((t) => STOCK.test(t) || /wasted it|weren't there for you/.test(t))).toBe(true);
  });
  it('a result joined without a comma gets one', () => {
    expect(clean('our online classroom was down most of thursday evening so your 7pm class didnt happen')).toMatch(/evening, so your 7pm class didn't happen/);
    expect(clean('we will call you so you know')).toBe('we will call you so you know');
  });
});

describe('a category typed as the cause is still said, plainly', () => {
  it.each([
    ['scheduling', /It was a scheduling error on our side\./],
    ['human error', /One of us made a mistake, and it got through\./],
    ['rushed', /We rushed it, and that is on us\./],
    ['technical issues', /It was a fault in our own systems\./],
  ])('%s', (rootCause, said) => {
    const t = letter({ ...base, rootCause });
    expect(t).toMatch(said);
    expect(t).not.toMatch(new RegExp(`because ${rootCause}|cause was ${rootCause}`, 'i'));
  });
  it('a cause that is a real account is never replaced', () => {
    expect(letter(base)).not.toMatch(/on our side\.|in our own systems/);
  });
});

describe('the new day is named once in the closing check-in', () => {
  it('"…on Saturday 5 December to make sure Friday\'s appointment went as it should"', () => {
    const t = letter({ ...base, outcome: 'your check-up is now on friday 4 dec at 10am', followUp: { after: '3d' } });
    expect(t).toMatch(/to make sure Friday's check-up went as it should\./);
    expect(t).not.toMatch(/the check-up on Friday 4 December went/);
  });
});

describe('notes as the letter prints them', () => {
  it.each([
    ['reminders went to another owners name, so clients saw each others pets', "another owner's name, so clients saw each other's pets"],
    ['we credit one months subscription fee to your employees accounts', "one month's subscription fee to your employees' accounts"],
    ['bin it or shred it before its sealed', "before it's sealed"],
    ['our members area was down', "our members' area was down"],
    ['we cancelled w/ only 40 mins notice', "only 40 minutes' notice"],
    ['a free extra 30 min 1-to-1 lesson, book before end of jan', /a free extra 30-minute 1-to-1 lesson, book before the end of January/],
    ['we found it about between 9am and 11am', /found it between 9am and 11am/],
    ['texts now go out same day texts', /same-day texts/],
  ])('%s', (typed, printed) => {
    expect(clean(typed)).toMatch(printed);
  });
  it('its stays a possessive where it owns', () => {
    expect(clean('the printer lost its settings')).toBe('the printer lost its settings');
    expect(clean('we sent its sealed box back')).toMatch(/its sealed box/);
  });
  it('a clause the notes layer makes is never spliced to the next with a comma', () => {
    const prose = noteToProse(clean('no more updates on class days, we test them on a weekend first'), 'commitment', { now: NOW });
    expect(prose).not.toMatch(/days, we test/);
    expect(prose).toMatch(/class days\. We test them on a weekend first/);
  });
});

describe('a noun, a preposition and a past verb with its object is a clause', () => {
  it('"The cause was" never stands before "…sent a day\'s parcels" or "…dropped accents"', () => {
    for (const rootCause of ["a label printer update at our warehouse sent a day's parcels to the wrong depot", 'our certificate generator dropped accents and apostrophes from names']) {
      for (let n = 0; n < 4; n++) expect(letter({ ...base, id: `c-${n}`, rootCause })).not.toMatch(/The cause was (?:a label|our certificate)/);
    }
    expect(letter({ ...base, audience: 'business', rootCause: 'an expired certificate on the booking server' })).toMatch(/The cause was an expired certificate on the booking server/);
  });
});

describe('a planned change says when it will be in place, once', () => {
  it('"It will be in place by…", never "It isn\'t in place yet; it will be by…"', () => {
    const t = letter({ ...base, commitment: 'we are moving to a booking system that texts you when we run late', commitmentStatus: 'planned', commitmentDue: '2027-01-31' });
    expect(t).toMatch(/It will be in place by Sunday 31 January 2027\./);
    expect(t).not.toMatch(/isn't in place yet; it will be/);
  });
});

describe('humour lines readers found odd are gone', () => {
  it('no meta-joke and no "think about our servers"', () => {
    for (let n = 0; n < 12; n++) {
      for (const scenario of ['generic', 'service-outage'] as const) {
        const t = letter({ ...base, id: `h-${n}`, scenario, severity: 'minor', humour: 'on', mistake: 'our booking page was down for an hour on Monday' });
        expect(t).not.toMatch(/We'd make a joke about it|think about our servers/);
      }
    }
  });
});

describe('more notes as the letter prints them', () => {
  it.each([
    ["we've refunded the second charge in full, should show in 3 to 5 working days", /in full, and it should show in 3 to 5 working days/],
    ['only one box is coming, ships on friday as normal', /is coming, and it ships on Friday as normal/],
    ['if the ear looks red or sore please take him to your vet', /^if the ear looks red or sore, please take him/i],
    ['and max 6 dogs a day per groomer', /a maximum of 6 dogs a day/],
    ['the cert was renewed', /the certificate was renewed/],
    ['we charged your dec beer club box twice', /your December beer club box/],
    ['all payments reached employees accounts on monday', /reached employees' accounts/],
  ])('%s', (typed, printed) => {
    expect(clean(typed)).toMatch(printed);
  });
  it('a condition keeps its own verb ("Once it\'s fixed, will…") and a list keeps its comma', () => {
    expect(clean("once it's fixed, will you tell us?")).toMatch(/fixed, will you/);
    expect(clean('we tested it, and will test again')).toMatch(/tested it, and will test again/);
  });
});

describe('a finished thing sent to the wrong person is resent, not redone', () => {
  const photos: IncidentInput = {
    ...base, scenario: 'wrong-item', mistake: 'sent you the wrong photo pack - the prints are of a different pupil', rootCause: 'two class sets were packed on the same table and the slips got swapped',
    remedy: { kind: 'replacement', details: 'the correct pack sent by tracked post' }, action: 'pls post the wrong pack back in the prepaid envelope, or shred it',
  };
  it('no "redo", no "yours to keep" beside a request to post it back', () => {
    for (let n = 0; n < 4; n++) {
      const t = letter({ ...photos, id: `p-${n}` });
      expect(t).not.toMatch(/redo|redone|didn't make it that way|yours to keep/i);
    }
  });
  it('a print the offer remakes is still redone', () => {
    expect(letter({ ...photos, mistake: 'we printed your banner in the wrong colour', remedy: { kind: 'replacement', details: 'we will reprint it this week' }, action: undefined })).toMatch(/redo|redone|reprint|right this time/i);
  });
});

describe('nothing to do, said once and last', () => {
  it('"nothing you need to do. if you got one that isn\'t yours pls delete it"', () => {
    const t = letter({ ...base, scenario: 'data-exposure', severity: 'major', mistake: 'our reminder emails went to the wrong clients', exposure: { data: ['name', 'email'] }, remedy: { kind: 'none' }, action: "nothing you need to do. if you got a reminder about a pet that isnt yours pls delete it" });
    expect(t).toMatch(/If you got a reminder about a pet that isn't yours, please delete it\. Otherwise, there's nothing you need to do\./);
    expect(t).not.toMatch(/let us know you have/);
  });
  it('alone, outside a data letter, it is not said after "one thing to do"', () => {
    const t = letter({ ...base, action: 'no action needed' });
    expect(t).not.toMatch(/one thing|need you to do|nothing you need to do/i);
  });
});

describe('an arrival typed without its subject', () => {
  it('"now arriving tues 8 dec instead of fri 4 dec" says what arrives, and the subject drops the day it went wrong', () => {
    const input: IncidentInput = { ...base, scenario: 'shipping-delay', audience: 'business', mistake: 'your print order will arrive 2 working days later than promised', when: 'tues 1 dec', outcome: 'now arriving tues 8 dec instead of fri 4 dec', remedy: { kind: 'waived-fee', details: 'delivery fee waived (£12.50)' } };
    const msg = createComposer(validateIncident(input), library, { now: NOW, stage: 'apology' })(ann());
    expect(msg.text).toMatch(/Your print order is now arriving on Tuesday 8 December instead of Friday 4 December\./);
    expect(msg.text).not.toMatch(/On Tuesday 1 December, your print order will arrive/);
    expect(msg.subject).not.toMatch(/1 December/);
  });
});

describe('afterthoughts and bare days', () => {
  it.each([
    ['we double-booked in the diary when I moved some house calls around, my mistake', /moved some house calls around$/],
    ['the label was wrong - our fault', /the label was wrong$/],
    ['double booked in the diary when i moved some house calls around (my mistake)', /house calls around$/],
    ['double booked in the diary when i moved some house calls around (my mistake)', /house calls around$/],
    ['we missed your tuning appointment Tuesday morning', /appointment on Tuesday morning/],
    ['nobody came Monday, and we didn\'t ring', /came on Monday, and/],
    ['files were resubmitted at 15:40 UTC Friday 27 November, and payments reached accounts Monday 30 November.', /15:40 UTC on Friday 27 November, and payments reached accounts on Monday 30 November\./],
  ])('%s', (typed, printed) => {
    expect(clean(typed)).toMatch(printed);
  });
  it('a day after a preposition or in a name is left alone', () => {
    expect(clean('we will call you by Friday')).toBe('we will call you by Friday');
    expect(clean('it was the Friday before')).toMatch(/the Friday before/);
    expect(clean('your class is every Tuesday')).toMatch(/every Tuesday/);
  });
});

describe('a bare noun and what it did to us', () => {
  it('"crew shortage (two crew off sick) and we couldnt sail…" → "The cause was a crew shortage (…), and we couldn\'t sail…"', () => {
    const t = letter({ ...base, scenario: 'generic', rootCause: 'crew shortage (two crew off sick) and we couldnt sail legally without them' });
    expect(t).toMatch(/a crew shortage \(two crew off sick\), and we couldn't sail legally without them\./);
    expect(t).not.toMatch(/(?:^|\. )Crew shortage/m);
  });
});

describe('no joke beside people left standing', () => {
  it('passengers already at the terminal, customers turned away: no humour line even when humour is auto and the harm moderate', () => {
    for (let n = 0; n < 8; n++) {
      const t = letter({ ...base, id: `j-${n}`, scenario: 'generic', humour: 'auto', mistake: 'we cancelled the 07:30 sailing with 40 mins notice, when most passengers were already at the terminal' });
      expect(t).not.toMatch(/prize|easy part|hard part/);
    }
  });
});

describe('the writer is never told to capitalise what is no noun', () => {
  it('German: "krank", "knapp", "unterwegs" are not named as nouns, nor capitalised in the example', () => {
    const w = incidentWarnings(validateIncident({ ...base, locale: 'de', mistake: 'der schwimmkurs am montag ist ausgefallen', rootCause: 'kursleitung krank, wir haben keine vertretung gefunden', commitment: 'eine vertretungsliste für alle kurse' }), NOW).join('\n');
    expect(w).not.toMatch(/„krank“|Krank/);
    expect(w).toMatch(/vertretung|Vertretung/);
  });
  it('French: "sous-estimé", "post-prod" are no proper nouns', () => {
    const w = incidentWarnings(validateIncident({ ...base, locale: 'fr', mistake: 'votre galerie est en retard de deux semaines', rootCause: "trop de mariages en octobre, j'ai sous-estimé le temps de post-prod", commitment: 'nous limitons le nombre de mariages par mois' }), NOW).join('\n');
    expect(w).not.toMatch(/noms propres/);
    const route = incidentWarnings(validateIncident({ ...base, locale: 'es', mistake: 'su ferry valencia-ibiza salió con retraso', rootCause: 'una avería en el motor del barco', commitment: 'revisamos el motor cada semana' }), NOW).join('\n');
    expect(route).toMatch(/valencia-ibiza/);
  });
});

describe('classes from the second blind set (new11, read after its measurement)', () => {
  it('a category with what happened in brackets: what happened, as prose', () => {
    const t = letter({ ...base, scenario: 'shipping-delay', mistake: 'your repeat prescription delivery due mon didnt arrive', rootCause: "staffing (2 drivers off sick, we didn't get cover in time)" });
    expect(t).toMatch(/2 drivers were off sick\. We didn't get cover in time\./);
    expect(t).not.toMatch(/staffing \(|because staffing/i);
    const m = letter({ ...base, rootCause: "diary mix up (new booking app wasn't synced with the instructors calendars for a few days)" });
    expect(m).toMatch(/The cause was a diary mix-up: our new booking app wasn't synced with the instructors' calendars for a few days\./);
  });
  it('one noun typed as the cause is said as a mistake of that kind', () => {
    expect(letter({ ...base, rootCause: 'handover' })).toMatch(/It was a handover mistake on our side\./);
    expect(letter({ ...base, rootCause: 'problem' })).not.toMatch(/a problem mistake/);
    for (const rootCause of ['weather', 'courier', 'strike']) expect(letter({ ...base, rootCause })).not.toMatch(/mistake on our side/);
  });
  it('"delivery tmrw between 9am and 1pm" is "We\'ll now deliver tomorrow…"', () => {
    expect(letter({ ...base, scenario: 'shipping-delay', mistake: 'your delivery didnt arrive on monday', outcome: 'delivery tmrw between 9am and 1pm' })).toMatch(/We'll now deliver tomorrow,? between 9am and 1pm\./);
  });
  it('a remade crown is a remake in a business subject, never "replacements"', () => {
    const input: IncidentInput = { ...base, scenario: 'wrong-item', audience: 'business', mistake: 'the crown for case CDL-1 was made in shade A3 not A2', outcome: 'remake in A2 ships thurs 3 dec', remedy: { kind: 'replacement', details: 'the remake at no charge' } };
    const msg = createComposer(validateIncident(input), library, { now: NOW, stage: 'apology' })(ann());
    expect(msg.subject).not.toMatch(/replacements/);
    expect(msg.subject).toMatch(/remake arriving Thursday 3 December/);
  });
  it('"…, couldn\'t unlock bikes on android and ios": you couldn\'t, on Android and iOS', () => {
    expect(letter({ ...base, scenario: 'service-outage', mistake: "our app was down saturday morning, couldn't unlock bikes on android and ios" })).toMatch(/You couldn't unlock bikes on Android and iOS\./);
  });
  it('a data letter with a cause that is a noun says "The cause was…" at every severity', () => {
    for (const severity of ['major', 'critical'] as const) {
      const t = letter({ ...base, scenario: 'data-exposure', severity, mistake: 'progress reports were emailed to the wrong parents', rootCause: 'a mail merge error', exposure: { data: ['name'] }, remedy: { kind: 'none' } });
      expect(t).not.toMatch(/because a mail merge error/);
    }
  });
  it.each([
    ["the next days lessons were cancelled", /the next day's lessons/],
    ['it went to someone elses inbox', /someone else's inbox/],
  ])('%s', (typed, printed) => {
    expect(clean(typed)).toMatch(printed);
  });
});

describe('lines readers found stock, odd or repeated (new10, after)', () => {
  it('no service-outage joke, even when humour is on; no "The delivery date we confirmed was a commitment"', () => {
    for (let n = 0; n < 8; n++) {
      const t = letter({ ...base, id: `so-${n}`, scenario: 'service-outage', severity: 'minor', humour: 'on', mistake: 'our app was down for an hour on monday' });
      expect(t).not.toMatch(/boring part of your day|never noticed us|think about our servers/);
      const b = letter({ ...base, id: `sd-${n}`, scenario: 'shipping-delay', audience: 'business', mistake: 'your print order will arrive two days late' });
      expect(b).not.toMatch(/was a commitment, and we missed it|If your team has questions/);
    }
  });
  it('"We caused this." and a line on what it cost are never said one after the other', () => {
    for (let n = 0; n < 9; n++) expect(letter({ ...base, id: `c-${n}`, severity: 'major', mistake: 'we clipped your dog right down when you had asked for a trim' })).not.toMatch(/We caused this\. You/);
  });
  it('"mon-thu" is "Monday to Thursday"', () => {
    expect(letter({ ...base, commitment: 'releases now only go out mon-thu' })).toMatch(/Releases now only go out from Monday to Thursday\./);
  });
});
