import { describe, expect, it } from 'vitest';
import { greetingFor, greetingLine, isFormal, type GreetingFields } from '../../src/recipients/greeting.js';
import { firstNameOf, isFirstNameOf } from '../../src/recipients/recipient.js';

/** [columns, casual line, formal line] for name shapes seen in real exports. */
const SHAPES: [GreetingFields, string, string][] = [
  // the usual
  [{ name: 'Zoë Müller' }, 'Hi Zoë,', 'Dear Zoë Müller,'],
  [{ first_name: 'Zoë', name: 'Zoë Müller' }, 'Hi Zoë,', 'Dear Zoë Müller,'],
  [{ first_name: 'Zoë', last_name: 'Müller' }, 'Hi Zoë,', 'Dear Zoë Müller,'],
  [{ name: 'Prince' }, 'Hi Prince,', 'Dear Prince,'],
  [{ name: 'Smith, Jane' }, 'Hi Jane,', 'Dear Jane Smith,'],
  [{ name: 'John Smith Jr.' }, 'Hi John,', 'Dear John Smith,'],
  [{ name: 'Jane Doe, PhD' }, 'Hi Jane,', 'Dear Jane Doe,'],
  [{ name: 'Robert "Bob" Smith' }, 'Hi Bob,', 'Dear Robert Smith,'],
  // titles, in several languages
  [{ name: 'Dr María José García-López' }, 'Hi María José,', 'Dear Dr García-López,'],
  [{ name: 'Mr Smith' }, 'Hello Mr Smith,', 'Dear Mr Smith,'],
  [{ name: 'DR. JANE SMITH' }, 'Hi Jane,', 'Dear Dr. Smith,'],
  [{ name: 'Mx Sam Taylor' }, 'Hi Sam,', 'Dear Mx Taylor,'],
  [{ name: 'Prof. Dr. Hans Müller' }, 'Hi Hans,', 'Dear Prof. Dr. Müller,'],
  [{ name: 'Frau Anna Schmidt' }, 'Hi Anna,', 'Dear Frau Schmidt,'],
  [{ name: 'M. Jean Dupont' }, 'Hi Jean,', 'Dear M. Dupont,'],
  [{ name: 'Mme Claire DUBOIS' }, 'Hi Claire,', 'Dear Mme Dubois,'],
  [{ name: 'Sra. Ana García López' }, 'Hi Ana,', 'Dear Sra. García López,'],
  [{ name: 'Sr. José Luis Rodríguez Zapatero' }, 'Hi José Luis,', 'Dear Sr. Rodríguez Zapatero,'],
  [{ name: 'Dott. Mario Rossi' }, 'Hi Mario,', 'Dear Dott. Rossi,'],
  [{ name: 'Ing. Pavel Novák' }, 'Hi Pavel,', 'Dear Ing. Novák,'],
  [{ name: 'Sir Elton John' }, 'Hi Elton,', 'Dear Sir Elton,'],
  [{ name: 'Mr & Mrs Smith' }, 'Hello Mr & Mrs Smith,', 'Dear Mr & Mrs Smith,'],
  // the salutation column, used as given
  [{ salutation: 'Mrs', first_name: 'Ngozi', last_name: 'Okafor' }, 'Hi Ngozi,', 'Dear Mrs Okafor,'],
  [{ salutation: 'MRS', name: 'Ngozi Okafor' }, 'Hi Ngozi,', 'Dear Mrs Okafor,'],
  [{ salutation: 'Mrs Okafor' }, 'Hello Mrs Okafor,', 'Dear Mrs Okafor,'],
  [{ salutation: 'Dear Mrs Okafor', name: 'Ngozi Okafor' }, 'Dear Mrs Okafor,', 'Dear Mrs Okafor,'],
  [{ salutation: 'Herr', name: 'Jonas Becker' }, 'Hi Jonas,', 'Dear Herr Becker,'],
  // particles and compound family names
  [{ name: 'Ludwig van Beethoven' }, 'Hi Ludwig,', 'Dear Ludwig van Beethoven,'],
  [{ name: 'Mr Ludwig van Beethoven' }, 'Hi Ludwig,', 'Dear Mr van Beethoven,'],
  [{ name: 'Mrs Ursula von der Leyen' }, 'Hi Ursula,', 'Dear Mrs von der Leyen,'],
  [{ name: 'Ms Maria de la Cruz' }, 'Hi Maria,', 'Dear Ms de la Cruz,'],
  [{ name: 'van Gogh' }, 'Hello,', 'Dear van Gogh,'],
  [{ name: 't. van der Berg' }, 'Hello,', 'Dear T. van der Berg,'],
  [{ name: 'J. de la Cruz' }, 'Hello,', 'Dear J. de la Cruz,'],
  [{ name: 'Dr Khalid bin Salman' }, 'Hi Khalid,', 'Dear Dr bin Salman,'],
  [{ name: 'Abdul Rahman Al-Saud' }, 'Hi Abdul Rahman,', 'Dear Abdul Rahman Al-Saud,'],
  // capitals and lower case
  [{ name: "JAMES O'NEILL" }, 'Hi James,', "Dear James O'Neill,"],
  [{ first_name: 'zoë' }, 'Hi Zoë,', 'Dear Zoë,'],
  [{ name: 'MARY SMITH' }, 'Hi Mary,', 'Dear Mary Smith,'],
  [{ name: 'mary smith' }, 'Hi Mary,', 'Dear Mary Smith,'],
  [{ name: "mary-jane o'neill" }, 'Hi Mary-Jane,', "Dear Mary-Jane O'Neill,"],
  [{ name: 'ANGUS MCDONALD' }, 'Hi Angus,', 'Dear Angus McDonald,'],
  [{ name: 'MR ANGUS MACLEOD' }, 'Hi Angus,', 'Dear Mr MacLeod,'],
  [{ name: 'LUIS MACHADO' }, 'Hi Luis,', 'Dear Luis Machado,'],
  [{ name: 'Jean DUPONT' }, 'Hi Jean,', 'Dear Jean Dupont,'],
  [{ name: 'DeShawn Jackson' }, 'Hi DeShawn,', 'Dear DeShawn Jackson,'],
  [{ name: 'Kayla McKenzie' }, 'Hi Kayla,', 'Dear Kayla McKenzie,'],
  [{ name: 'AJ Styles' }, 'Hi AJ,', 'Dear AJ Styles,'],
  [{ name: 'İSMAİL YILMAZ' }, 'Hi İsmail,', 'Dear İsmail Yılmaz,'],
  // initials
  [{ name: 'J.' }, 'Hello,', 'Hello,'],
  [{ name: 'T' }, 'Hello,', 'Hello,'],
  [{ name: 'J. R.' }, 'Hello,', 'Hello,'],
  [{ first_name: 'J.', name: 'J. Smith' }, 'Hello,', 'Dear J. Smith,'],
  [{ name: 'Mr J. Smith' }, 'Hello Mr Smith,', 'Dear Mr Smith,'],
  [{ name: 'J. Robert Oppenheimer' }, 'Hi Robert,', 'Dear J. Robert Oppenheimer,'],
  // organisations and roles
  [{ name: 'Smith & Sons Catering Ltd' }, 'Hello,', 'Hello,'],
  [{ name: 'Acme GmbH' }, 'Hello,', 'Hello,'],
  [{ name: 'Acme, Inc.' }, 'Hello,', 'Hello,'],
  [{ name: 'Nestlé SA' }, 'Hello,', 'Hello,'],
  [{ name: 'Bolt Logistics LLC' }, 'Hello,', 'Hello,'],
  [{ name: 'Accounts Payable' }, 'Hello,', 'Hello,'],
  [{ name: 'Goods In' }, 'Hello,', 'Hello,'],
  [{ name: 'Billing Department' }, 'Hello,', 'Hello,'],
  [{ name: 'Support Team' }, 'Hello,', 'Hello,'],
  [{ name: 'The Corner Pantry' }, 'Hello,', 'Hello,'],
  [{ name: 'Riverside Dental Clinic' }, 'Hello,', 'Hello,'],
  [{ first_name: 'Accounts', name: 'Accounts' }, 'Hello,', 'Hello,'],
  [{ name: 'Sales' }, 'Hello,', 'Hello,'],
  [{ name: 'Rodrigo Sales' }, 'Hi Rodrigo,', 'Dear Rodrigo Sales,'],
  // not a name at all
  [{ name: '#1042' }, 'Hello,', 'Hello,'],
  [{ name: '1042' }, 'Hello,', 'Hello,'],
  [{ name: '' }, 'Hello,', 'Hello,'],
  [{}, 'Hello,', 'Hello,'],
  [{ name: 'jane@example.com' }, 'Hello,', 'Hello,'],
  [{ first_name: 'jane@example.com', name: 'Jane Smith' }, 'Hi Jane,', 'Dear Jane Smith,'],
  [{ name: 'Sir' }, 'Hello,', 'Hello,'],
  [{ name: '---' }, 'Hello,', 'Hello,'],
  // other scripts
  [{ name: '王小明' }, 'Hi 王小明,', 'Dear 王小明,'],
  [{ name: 'Владимир Петров' }, 'Hi Владимир,', 'Dear Владимир Петров,'],
  [{ name: 'ВЛАДИМИР ПЕТРОВ' }, 'Hi Владимир,', 'Dear Владимир Петров,'],
  [{ name: 'محمد عبد الله' }, 'Hi محمد,', 'Dear محمد عبد الله,'],
  [{ name: 'علی\u200cرضا احمدی' }, 'Hi علی\u200cرضا,', 'Dear علی\u200cرضا احمدی,'],
  [{ name: 'Σωκράτης Παπαδόπουλος' }, 'Hi Σωκράτης,', 'Dear Σωκράτης Παπαδόπουλος,'],
  // typed loosely
  [{ name: '  Zoë   Müller ' }, 'Hi Zoë,', 'Dear Zoë Müller,'],
  [{ name: 'Zoe\u0308 Mu\u0308ller' }, 'Hi Zoë,', 'Dear Zoë Müller,'],
  [{ name: 'Seán Ó Briain' }, 'Hi Seán,', 'Dear Seán Ó Briain,'],
];

describe('greetingFor', () => {
  it('covers at least 40 name shapes', () => expect(SHAPES.length).toBeGreaterThanOrEqual(40));

  it.each(SHAPES)('%j → %j / %j', (fields, casual, formal) => {
    const g = greetingFor(fields, { formal: false });
    expect({ casual: g.casual, formal: g.formal, line: g.line }).toEqual({ casual, formal, line: casual });
    expect(greetingFor(fields, { formal: true }).line).toBe(formal);
  });

  it('says which name the line uses, and "" for the plain greeting', () => {
    expect(greetingFor({ name: 'Dr María José García-López' }, { formal: true }).greetName).toBe('Dr García-López');
    expect(greetingFor({ name: 'Dr María José García-López' }, { formal: false }).greetName).toBe('María José');
    const plain = greetingFor({ name: 'Smith & Sons Catering Ltd' }, { formal: true });
    expect([plain.greetName, plain.plain]).toEqual(['', true]);
  });

  it('never greets anyone by an initial, a number, an address or a shouted name', () => {
    for (const [fields] of SHAPES) {
      for (const formal of [false, true]) {
        const { line } = greetingFor(fields, { formal });
        expect(line).toMatch(/,$/);
        expect(line).not.toMatch(/^Hi \p{L}\.?,|#|\d|@|^Hi \p{Lu}{3,}/u);
      }
    }
  });
});

describe('isFormal', () => {
  it.each([
    [{ severity: 'minor' }, false],
    [{ severity: 'moderate', audience: 'consumer' }, false],
    [{ severity: 'major' }, true],
    [{ severity: 'critical' }, true],
    [{ severity: 'minor', audience: 'business' }, true],
  ])('%j → %s', (incident, formal) => expect(isFormal(incident)).toBe(formal));
});

describe('greetingLine (the line alone, read in place for the usual name)', () => {
  // Words that are plain names and words every rule of the full reading looks at, in several spellings.
  const WORDS = [
    'Zoë', 'Müller', 'Liam', "O'Brien", 'O’Neill', 'McDonald', 'Mary-Jane', 'Jo', 'S', 'Ó', 'Ng', 'Li', 'Ana', 'Łukasz', 'Yılmaz',
    'İpek', 'Σωκράτης', 'Accountſ', 'Kelvin', '\u212aim', 'Sir', 'Dr', 'Mr', 'The', 'Ltd', 'Sons', 'Jr', 'Phd', 'Sa', 'Ag', 'Team',
    'Sales', 'Goods', 'In', 'Customer', 'Service', 'Accounts', 'Payable', 'Café', 'Señor', 'Oü', 'Cía', 'Noreply', 'No-Reply',
    'Van', 'van', 'JANE', 'jane', 'Smith', 'Abdul', 'Rahman', 'María', 'José', 'X', 'Ab', 'Iii', 'Bros',
    'Help', 'Desk', 'Front', 'Human', 'Valued', 'And', 'Co', 'Goods-In', 'Mary-', '-Ann', "D'", 'DeShawn', 'MacDA', 'Ærø', 'Ǆemal',
    'ǅemal', 'Åsa', 'Ab’Cd', "Ab'", 'Ab’', 'ẞig', 'Zoë1', 'Ab\u0308c',
  ];
  let seed = 7;
  const pick = <T>(xs: readonly T[]): T => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return xs[seed % xs.length]!;
  };
  const cases: GreetingFields[] = SHAPES.map(([f]) => f);
  for (let i = 0; i < 6000; i++) {
    const words = Array.from({ length: 1 + (i % 3) }, () => pick(WORDS));
    const name = i % 11 === 0 ? '' : words.join(i % 17 === 0 ? '  ' : i % 13 === 0 ? '-' : ' ');
    const f: GreetingFields = { name };
    if (i % 4 === 1) f.first_name = pick(WORDS);
    if (i % 4 === 2) f.first_name = words[0]!;
    if (i % 23 === 0) f.last_name = pick(WORDS);
    if (i % 29 === 0) f.salutation = pick(['Mrs', 'Dear Jane', 'Herr']);
    if (i % 31 === 0) f.name = `${name}${'a'.repeat(60)}`;
    cases.push(f);
  }

  it('is greetingFor(…).line for every shape, casual and formal, asked twice (the cache of "Hi Zoë,")', () => {
    for (let round = 0; round < 2; round++) {
      for (const fields of cases) {
        for (const formal of [false, true]) expect([fields, greetingLine(fields, formal)]).toEqual([fields, greetingFor(fields, { formal }).line]);
      }
    }
  });

  it('a name seen before gets its own line again: never the line of another name, first name or register (the cache of lines)', () => {
    // Pairs alike in length and in their first, middle and last units (what picks a cache slot), a first
    // name that differs for one full name, an empty name, and each asked casual and formal, many times over.
    const names = ['Anna Smith', 'Anne Smith', 'Anna Smath', 'Zoë Müller', 'Zoe Müller', 'Jo Li', 'Jo Lu', 'Sales Team', 'Sales Tean', 'Dr Jane Roe', 'Dr Jane Rae', ''];
    const firsts = [undefined, '', 'Bob', 'Anna', 'Zoë', 'Dr'];
    const asked: [GreetingFields, boolean][] = [];
    for (const name of names) for (const first_name of firsts) for (const formal of [false, true]) asked.push([{ name, first_name }, formal]);
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < asked.length; i++) {
        const [fields, formal] = asked[(i * 7 + round * 13) % asked.length]!;
        expect([fields, formal, greetingLine(fields, formal)]).toEqual([fields, formal, greetingFor(fields, { formal }).line]);
      }
    }
  });

  it('stays right when every name differs for a long while (the cache stops keeping names) and when names repeat again', () => {
    const suffix = (n: number) => n.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!);
    for (let i = 0; i < 80_000; i++) {
      const fields = { name: `Zo${suffix(i)} Smith` };
      const line = greetingLine(fields, false);
      if (i % 97 === 0) expect([fields, line]).toEqual([fields, greetingFor(fields, { formal: false }).line]);
    }
    const names = ['Anna Smith', 'Anne Smith', 'Zoë Müller', 'Zoe Müller', 'Sales Team', 'Dr Jane Roe'];
    for (let i = 0; i < 80_000; i++) {
      const fields = { name: names[i % names.length]!, first_name: i % 7 === 0 ? 'Bob' : undefined };
      const formal = i % 3 === 0;
      const line = greetingLine(fields, formal);
      if (i % 13 === 0 || i > 79_000) expect([fields, formal, line]).toEqual([fields, formal, greetingFor(fields, { formal }).line]);
    }
  });

  it('isFirstNameOf(first, name) is firstNameOf(name) === first', () => {
    for (const name of ['Jane Smith', 'Dr Jane Smith', 'Jane', 'Smith, Jane', 'Jane  Smith', ' Jane Smith', 'Jane, Smith', 'Mr. Bean', '']) {
      for (const first of ['Jane', 'Jane,', 'Dr', 'Mr.', 'Smith', '', 'Ja']) expect([first, name, isFirstNameOf(first, name)]).toEqual([first, name, firstNameOf(name) === first]);
    }
  });
});
