/**
 * Word lists the greeting reads a name with: titles, particles, suffixes and
 * the words that mark an organisation or a role rather than a person. Keys are
 * lower-case, without a trailing full stop.
 */

/** Titles, by key, in their usual spelling (the full stop kept where the language needs one). */
export const TITLES: ReadonlyMap<string, string> = new Map([
  // English
  ['mr', 'Mr'], ['mrs', 'Mrs'], ['ms', 'Ms'], ['mx', 'Mx'], ['miss', 'Miss'], ['master', 'Master'],
  ['dr', 'Dr'], ['prof', 'Prof'], ['professor', 'Professor'], ['doctor', 'Doctor'],
  ['sir', 'Sir'], ['dame', 'Dame'], ['lord', 'Lord'], ['lady', 'Lady'], ['rev', 'Rev'], ['revd', 'Revd'],
  ['reverend', 'Reverend'], ['hon', 'Hon'], ['rabbi', 'Rabbi'], ['imam', 'Imam'], ['pastor', 'Pastor'],
  ['capt', 'Capt'], ['captain', 'Captain'], ['col', 'Col'], ['maj', 'Maj'], ['gen', 'Gen'], ['lt', 'Lt'], ['sgt', 'Sgt'],
  ['cllr', 'Cllr'], ['sheikh', 'Sheikh'], ['eng', 'Eng.'],
  // German, Dutch, Scandinavian
  ['herr', 'Herr'], ['frau', 'Frau'], ['hr', 'Hr.'], ['fr', 'Fr.'], ['dipl.-ing', 'Dipl.-Ing.'], ['mag', 'Mag.'],
  ['dhr', 'Dhr.'], ['mevr', 'Mevr.'], ['mw', 'Mw.'],
  // French
  ['m', 'M.'], ['mme', 'Mme'], ['mlle', 'Mlle'], ['monsieur', 'Monsieur'], ['madame', 'Madame'],
  ['mademoiselle', 'Mademoiselle'],
  // Spanish, Portuguese
  ['sr', 'Sr.'], ['sra', 'Sra.'], ['srta', 'Srta.'], ['señor', 'Señor'], ['señora', 'Señora'], ['señorita', 'Señorita'],
  ['doña', 'Doña'], ['dña', 'Dña.'], ['dra', 'Dra.'], ['exmo', 'Exmo.'], ['exma', 'Exma.'],
  // Italian
  ['sig', 'Sig.'], ['sig.ra', 'Sig.ra'], ['sig.na', 'Sig.na'], ['dott', 'Dott.'], ['dott.ssa', 'Dott.ssa'],
  ['ing', 'Ing.'], ['avv', 'Avv.'], ['arch', 'Arch.'],
]);

/** Titles said with the given name, not the family name ("Dear Sir Elton", "Dear Dame Judi"). */
export const GIVEN_NAME_TITLES: ReadonlySet<string> = new Set(['sir', 'dame']);

/** Titles whose holders usually carry two family names (Spanish, Portuguese). */
export const IBERIAN_TITLES: ReadonlySet<string> = new Set([
  'sr', 'sra', 'srta', 'señor', 'señora', 'señorita', 'doña', 'dña', 'dra', 'exmo', 'exma',
]);

/** Letters after a name, dropped from the greeting ("John Smith Jr.", "Jane Doe, PhD"). */
export const SUFFIXES: ReadonlySet<string> = new Set([
  'jr', 'jnr', 'sr', 'snr', 'ii', 'iii', 'iv', 'v', 'phd', 'ph.d', 'md', 'm.d', 'dds', 'dmd', 'esq', 'cpa',
  'mba', 'msc', 'bsc', 'ba', 'ma', 'rn', 'obe', 'mbe', 'cbe', 'kc', 'qc', 'frcs', 'mrcp', 'fcca', 'aca', 'jd',
]);

/** Words that begin a family name ("van Beethoven", "de la Cruz", "bin Salman"). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'degli', 'la', 'le', 'les', 'lo', 'da', 'das', 'do',
  'dos', 'di', 'du', 'des', 'ten', 'ter', 'te', 'zu', 'zum', 'zur', 'af', 'av', 'y', 'i', 'bin', 'ibn',
  'bint', 'al', 'el', 'ap', 'st', 'st.', 'san', 'santa', 'mac', 'ó', 'ní', 'nic', 'ua',
]);

/** Given names that take the next word with them ("Abdul Rahman", "Abu Bakr", "عبد الله"). */
export const JOINED_GIVEN: ReadonlySet<string> = new Set([
  'abd', 'abdul', 'abdel', 'abdal', 'abdur', 'abu', 'abou', 'umm', 'عبد', 'أبو', 'ابو', 'أم',
]);

/** Spanish and Portuguese first given names that commonly pair ("María José", "Juan Carlos"). */
export const PAIRED_FIRST: ReadonlySet<string> = new Set([
  'maría', 'maria', 'josé', 'jose', 'juan', 'ana', 'luis', 'miguel', 'francisco', 'jesús', 'jesus',
  'josé maría', 'joão', 'joao', 'pedro', 'carlos', 'jorge',
]);
export const PAIRED_SECOND: ReadonlySet<string> = new Set([
  'josé', 'jose', 'maría', 'maria', 'luis', 'carlos', 'antonio', 'manuel', 'pablo', 'ángel', 'angel', 'jesús',
  'jesus', 'isabel', 'teresa', 'carmen', 'elena', 'luisa', 'eugenia', 'fernanda', 'alejandro', 'javier',
  'ignacio', 'miguel', 'ramón', 'ramon', 'pedro', 'francisco', 'andrés', 'andres', 'cristina', 'victoria',
  'laura', 'paula', 'rosa', 'pilar', 'dolores', 'mercedes', 'josefa', 'felipe', 'gabriel', 'paulo', 'eduardo',
]);

/** Legal forms: any of these as a word makes the name an organisation's. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'gmbh', 'llc', 'l.l.c', 'llp', 'plc', 'corp', 'corporation', 'sarl',
  's.a.r.l', 's.a', 's.a.s', 'b.v', 'n.v', 'pty', 'pvt', 'srl', 's.r.l', 's.l', 's.p.a', 'ltda', 'a/s', 'aps',
  'k.k', 'gbr', 'kft', 'zrt', 'lda', 'e.v', 'e.k', 'ohg', 'mbh', 'ug', 'bvba', 'sprl', 'oü', 'co', 'cie', 'cía',
  'company', 'compagnie', 'group', 'holdings', 'holding',
]);

/** Legal forms that are only such as the last word of a longer name ("Nestlé SA", "Volvo AB"). */
export const TRAILING_LEGAL_FORMS: ReadonlySet<string> = new Set([
  'sa', 'ag', 'bv', 'nv', 'ab', 'as', 'oy', 'kg', 'se', 'sas', 'spa', 'sl', 'kk', 'sons', 'bros', 'brothers',
  'partners', 'associates',
]);

/** Words that name a business, a team or a role, wherever they stand in the name. */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  'team', 'department', 'dept', 'accounts', 'accounting', 'billing', 'support', 'services', 'service', 'office',
  'clinic', 'helpdesk', 'enquiries', 'inquiries', 'procurement', 'purchasing', 'payroll', 'reception',
  'administration', 'headquarters', 'solutions', 'consulting', 'consultants', 'industries', 'enterprises',
  'technologies', 'foundation', 'institute', 'university', 'college', 'school', 'hospital', 'pharmacy',
  'practice', 'surgery', 'bakery', 'restaurant', 'hotel', 'café', 'cafe', 'shop', 'store', 'studio', 'council',
  'agency', 'labs', 'gallery', 'museum', 'church', 'club', 'society', 'association', 'committee', 'ministry',
  'bank', 'insurance', 'logistics', 'catering', 'florist', 'florists', 'dental', 'medical', 'trust', 'charity',
  'warehouse', 'customers', 'customer', 'subscribers', 'members', 'staff', 'management', 'noreply', 'no-reply',
  'webmaster', 'postmaster', 'admin', 'sales', 'info', 'orders', 'marketing', 'finance', 'operations',
]);

/** Words that are a person's name when with others ("Rodrigo Sales") but a role alone ("Sales"). */
export const ROLE_ALONE_ONLY: ReadonlySet<string> = new Set(['sales', 'finance', 'marketing', 'trust', 'service', 'info', 'orders', 'church']);

/** Two-word roles ("Goods In", "Accounts Payable"). */
export const ORGANISATION_PHRASES: readonly string[] = [
  'goods in', 'accounts payable', 'accounts receivable', 'customer service', 'customer care', 'help desk',
  'human resources', 'front desk', 'sir or madam', 'sir/madam', 'to whom it may concern', 'and sons',
  'and co', 'valued customer',
];
