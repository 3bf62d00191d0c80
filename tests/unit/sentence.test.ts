import { describe, expect, it } from 'vitest';
import { compileText, createEngine } from '../../src/templates/engine.js';
import { cap, clause, dedupe, orderFrom, sentence, tidy, titleCaseName } from '../../src/templates/sentence.js';

describe('sentence', () => {
  it.each([
    ['we shipped late', 'We shipped late.'],
    ['We fixed it.', 'We fixed it.'],
    ['human error. our night shift missed it', 'Human error. Our night shift missed it.'],
    ['(by two days)', '(By two days).'],
    // A short aside in brackets at the end is said as part of the sentence.
    ['it arrived late (by two days)', 'It arrived late by two days.'],
    ['the label printer jammed (again).', 'The label printer jammed again.'],
    ['we will retrain staff (all of them)', 'We will retrain staff, all of them.'],
    ['late (Tuesday 25 November)', 'Late (Tuesday 25 November).'],
    // "&" in prose is "and"; in a name it stays.
    ["held back a day's orders & nobody noticed", "Held back a day's orders and nobody noticed."],
    ['we sent it via Smith & Sons', 'We sent it via Smith & Sons.'],
    ['we said "soon"', 'We said "soon".'],
    ['we said “soon”', 'We said “soon”.'],
    ['we said "soon."', 'We said "soon."'],
    ['our courier (DPD) was late.)', 'Our courier (DPD) was late.'],
    ['Done!', 'Done!'],
    ['really?!', 'Really?'],
    ['wait...', 'Wait…'],
    ['we waited…', 'We waited…'],
    ['done. .', 'Done.'],
    ['done..', 'Done.'],
    ['late ,', 'Late.'],
    ['the fix is live:', 'The fix is live.'],
    ['the the label printer jammed', 'The label printer jammed.'],
    ['We we are sorry', 'We are sorry.'],
    ['we had had two complaints', 'We had had two complaints.'],
    ['e.g. the box. then it broke', 'E.g. the box. Then it broke.'],
    ["i forgot to press send. i'm sorry", "I forgot to press send. I'm sorry."],
    ['  lots   of \n space  . ', 'Lots of space.'],
    ['we were late :)', 'We were late.'],
    ['iPhone cases shipped late', 'iPhone cases shipped late.'],
    ['"we broke it"', '"We broke it".'],
    ['it cost £2.50 extra', 'It cost £2.50 extra.'],
    ['', ''],
    ['   ', ''],
  ])('sentence(%j) = %j', (input, expected) => expect(sentence(input)).toBe(expected));
});

describe('clause', () => {
  it.each([
    ['We shipped your order late.', 'we shipped your order late'],
    ['Our scanner failed!', 'our scanner failed'],
    ['The UPS driver lost it', 'the UPS driver lost it'],
    ['The Christmas orders were late', 'the Christmas orders were late'],
    ['The Little Oven Bakery burnt it.', 'The Little Oven Bakery burnt it'],
    ['We Buy Any Car collected it', 'We Buy Any Car collected it'],
    ['UPS lost a truck.', 'UPS lost a truck'],
    ['iPhone cases shipped late', 'iPhone cases shipped late'],
    ['human error. the night shift missed it.', 'human error. The night shift missed it'],
    ['it arrived late (by two days.)', 'it arrived late (by two days)'],
    ['we said "soon."', 'we said "soon"'],
    ['why did it fail?', 'why did it fail'],
    ['the the courier lost it', 'the courier lost it'],
    ["We'll refund your shipping.", "we'll refund your shipping"],
  ])('clause(%j) = %j', (input, expected) => expect(clause(input)).toBe(expected));
});

describe('weekdays, months and names typed in lower case', () => {
  it.each([
    ['we turned you away on thursday morning', 'we turned you away on Thursday morning'],
    ['back on 8 may, or may 9th', 'back on 8 May, or May 9th'],
    ['you may march in august', 'you may march in august'],
    ['due in december', 'due in December'],
  ])('%j → %j', (typed, said) => expect(tidy(typed)).toBe(said));
  it.each([
    ['maggie byrne', 'Maggie Byrne'],
    ['the corner pantry', 'The Corner Pantry'],
    ['ludwig van beethoven', 'Ludwig van Beethoven'],
    ["sinead o'brien", "Sinead O'Brien"],
    ['bell hooks Ltd', 'bell hooks Ltd'],
    ['DR ANA RUIZ', 'DR ANA RUIZ'],
  ])('name %j → %j', (typed, said) => expect(titleCaseName(typed)).toBe(said));
});

describe('cap, tidy, dedupe, orderFrom', () => {
  it('cap capitalises sentence starts and leaves the punctuation as typed', () => {
    expect(cap('we will add a second check. it starts monday')).toBe('We will add a second check. It starts Monday');
    expect(cap('  "soon"  ')).toBe('"Soon"');
  });
  it('tidy and dedupe', () => {
    expect(tidy('a ( b ) , c')).toBe('a (b), c');
    expect(dedupe('The the THE box')).toBe('The box');
    expect(dedupe('that that is')).toBe('that that is');
  });
  it.each([
    ['The Little Oven Bakery', 'your order from The Little Oven Bakery'],
    ['Acme Inc.', 'your order from Acme Inc'],
    ['  The Corner Pantry ', 'your order from The Corner Pantry'],
    ['', 'your order'],
  ])('orderFrom(%j) = %j', (company, expected) => expect(orderFrom(company)).toBe(expected));
});

describe('the helpers in templates', () => {
  const render = (source: string, context: object) => compileText(createEngine(), source)(context);
  it('work inline and as blocks over the sentence the template assembles', () => {
    const ctx = { company: { name: 'The Corner Pantry' }, why: 'The the courier lost it.' };
    expect(render('{{#sentence}}{{orderFrom company.name}} is late, because {{clause why}}{{/sentence}} {{sentence why}}', ctx)).toBe(
      'Your order from The Corner Pantry is late, because the courier lost it. The courier lost it.',
    );
    expect(render('Here is {{orderFrom company.name "booking"}}. {{cap why}}', ctx)).toBe('Here is your booking from The Corner Pantry. The courier lost it.');
    expect(render('{{#clause}}The delay.{{/clause}}; {{#dedupe}}the the end{{/dedupe}}', ctx)).toBe('the delay; the end');
  });
});
