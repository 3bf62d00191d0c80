/**
 * The reader's own thing in a German, French or Spanish wrong-item letter: "das richtige Buch",
 * "la bonne édition", "el libro correcto", found in the incident's summary or mistake, instead of the
 * generic "Artikel" / "article" / "artículo" (which stays when no known noun is typed). Each phrase is
 * ready-made with its article and agreement, so the templates never decline a noun themselves.
 */

type Gender = 'm' | 'f' | 'n';
interface Noun { word: string; g: Gender; gen?: string }

/** Singular product nouns as managers type them (word start, lower case) → the noun and its gender. */
const NOUNS: Readonly<Record<'de' | 'fr' | 'es', ReadonlyArray<readonly [RegExp, Noun]>>> = {
  de: [
    [/buch(?![\p{L}])/u, { word: 'Buch', g: 'n', gen: 'Buches' }],
    [/torte(?![\p{L}])/u, { word: 'Torte', g: 'f' }],
    [/kuchen(?![\p{L}])/u, { word: 'Kuchen', g: 'm', gen: 'Kuchens' }],
    [/strau(?:ß|ss)(?![\p{L}])/u, { word: 'Strauß', g: 'm', gen: 'Straußes' }],
    [/brille(?![\p{L}])/u, { word: 'Brille', g: 'f' }],
    [/jacke(?![\p{L}])/u, { word: 'Jacke', g: 'f' }],
    [/kleid(?![\p{L}])/u, { word: 'Kleid', g: 'n', gen: 'Kleides' }],
    [/lampe(?![\p{L}])/u, { word: 'Lampe', g: 'f' }],
    [/(?:fahr)?rad(?![\p{L}])/u, { word: 'Fahrrad', g: 'n', gen: 'Fahrrads' }],
    [/handy(?![\p{L}])/u, { word: 'Handy', g: 'n', gen: 'Handys' }],
    [/set(?![\p{L}])/u, { word: 'Set', g: 'n', gen: 'Sets' }],
    [/geschenk(?![\p{L}])/u, { word: 'Geschenk', g: 'n', gen: 'Geschenks' }],
  ],
  fr: [
    [/livre(?![\p{L}])/u, { word: 'livre', g: 'm' }],
    [/gâteau(?![\p{L}])/u, { word: 'gâteau', g: 'm' }],
    [/bouquet(?![\p{L}])/u, { word: 'bouquet', g: 'm' }],
    [/veste(?![\p{L}])/u, { word: 'veste', g: 'f' }],
    [/robe(?![\p{L}])/u, { word: 'robe', g: 'f' }],
    [/lampe(?![\p{L}])/u, { word: 'lampe', g: 'f' }],
    [/vélo(?![\p{L}])/u, { word: 'vélo', g: 'm' }],
    [/téléphone(?![\p{L}])/u, { word: 'téléphone', g: 'm' }],
    [/coffret(?![\p{L}])/u, { word: 'coffret', g: 'm' }],
    [/cadeau(?![\p{L}])/u, { word: 'cadeau', g: 'm' }],
  ],
  es: [
    [/libro(?![\p{L}])/u, { word: 'libro', g: 'm' }],
    [/tarta(?![\p{L}])/u, { word: 'tarta', g: 'f' }],
    [/pastel(?![\p{L}])/u, { word: 'pastel', g: 'm' }],
    [/ramo(?![\p{L}])/u, { word: 'ramo', g: 'm' }],
    [/chaqueta(?![\p{L}])/u, { word: 'chaqueta', g: 'f' }],
    [/vestido(?![\p{L}])/u, { word: 'vestido', g: 'm' }],
    [/lámpara(?![\p{L}])/u, { word: 'lámpara', g: 'f' }],
    [/bicicleta(?![\p{L}])/u, { word: 'bicicleta', g: 'f' }],
    [/móvil(?![\p{L}])/u, { word: 'móvil', g: 'm' }],
    [/regalo(?![\p{L}])/u, { word: 'regalo', g: 'm' }],
  ],
};

const FALLBACK: Readonly<Record<'de' | 'fr' | 'es', Noun>> = {
  de: { word: 'Artikel', g: 'm', gen: 'Artikels' },
  fr: { word: 'article', g: 'm' },
  es: { word: 'artículo', g: 'm' },
};

export interface ItemPhrases {
  /** A known noun was typed: the letter names it. */
  named: boolean;
  [phrase: string]: string | boolean;
}

function find(lang: 'de' | 'fr' | 'es', texts: readonly string[]): Noun | undefined {
  for (const t of texts) {
    const low = t.toLowerCase();
    let best: { at: number; noun: Noun } | undefined;
    for (const [re, noun] of NOUNS[lang]) {
      const m = new RegExp(`(?<![\\p{L}])${re.source}`, 'u').exec(low);
      if (m && (!best || m.index < best.at)) best = { at: m.index, noun };
    }
    if (best) return best.noun;
  }
  return undefined;
}

/** The phrases a wrong-item letter needs, for the first known noun of the summary, then the mistake. */
export function itemPhrases(lang: string, summary: string | undefined, mistake: string): ItemPhrases | undefined {
  if (lang !== 'de' && lang !== 'fr' && lang !== 'es') return undefined;
  const found = find(lang, [summary ?? '', mistake]);
  const n = found ?? FALLBACK[lang];
  const w = n.word;
  if (lang === 'de') {
    const [der, den, ein, einen, ihren, adjNom, adjAcc, er, ihn] =
      n.g === 'm' ? ['der', 'den', 'ein', 'einen', 'Ihren', 'e', 'en', 'er', 'ihn'] : n.g === 'f' ? ['die', 'die', 'eine', 'eine', 'Ihre', 'e', 'e', 'sie', 'sie'] : ['das', 'das', 'ein', 'ein', 'Ihr', 'e', 'e', 'es', 'es'];
    const strongNom = n.g === 'm' ? 'er' : n.g === 'f' ? 'e' : 'es';
    const strongAcc = n.g === 'm' ? 'en' : n.g === 'f' ? 'e' : 'es';
    return {
      named: Boolean(found),
      noun: w,
      theWrongAcc: `${den} falsch${adjAcc} ${w}`,
      theRightAcc: `${den} richtig${adjAcc} ${w}`,
      theRightNom: `${der} richtig${adjNom} ${w}`,
      theRightGen: `${n.g === 'f' ? 'der' : 'des'} richtigen ${n.g === 'f' ? w : (n.gen ?? `${w}s`)}`,
      aCertainAcc: `${einen} bestimmt${strongAcc} ${w}`,
      anotherAcc: `${n.g === 'm' ? 'einen anderen' : n.g === 'f' ? 'eine andere' : 'ein anderes'}`,
      wrongNom: `Falsch${strongNom} ${w}`,
      yourAcc: `${ihren} ${w}`,
      // i18n12: not every wrong item came in a parcel (a sofa, a kitchen): "den falschen Artikel, den wir Ihnen geliefert haben".
      wrongInParcel: `${den} falsch${adjAcc} ${w}, ${den} wir Ihnen geliefert haben,`,
      itNom: er,
      itAcc: ihn,
      a: ein,
    };
  }
  if (lang === 'fr') {
    const f = n.g === 'f';
    const vowel = /^[aeiouhéèêâ]/iu.test(w);
    return {
      named: Boolean(found),
      noun: w,
      theWrong: f ? `la mauvaise ${w}` : `le mauvais ${w}`,
      theRight: f ? `la bonne ${w}` : `le bon ${w}`,
      aPrecise: f ? `une ${w} précise` : `un ${w} précis`,
      anOther: f ? 'une autre' : 'un autre',
      sendingWrong: f ? `l’envoi d’une mauvaise ${w}` : `l’envoi d’un mauvais ${w}`,
      il: f ? 'elle' : 'il',
      theReceived: f ? `${vowel ? 'l’' : 'la '}${w} reçue` : `${vowel ? 'l’' : 'le '}${w} reçu`,
      le: f ? 'la' : 'le',
      sil: f ? 'si elle' : 's’il',
      e: f ? 'e' : '',
      thisOne: f ? `cette ${w}` : vowel ? `cet ${w}` : `ce ${w}`,
    };
  }
  const f = n.g === 'f';
  return {
    named: Boolean(found),
    noun: w,
    theWrong: f ? `la ${w} equivocada` : `el ${w} equivocado`,
    aWrong: f ? `una ${w} equivocada` : `un ${w} equivocado`,
    theRight: f ? `la ${w} correcta` : `el ${w} correcto`,
    aPrecise: f ? `una ${w} concreta` : `un ${w} concreto`,
    another: f ? 'otra' : 'otro',
    theOne: f ? `la ${w}` : `el ${w}`,
    o: f ? 'a' : 'o',
    lo: f ? 'la' : 'lo',
    sendingWrong: `el envío de ${f ? `una ${w} equivocada` : `un ${w} equivocado`}`,
    that: f ? `esa ${w}` : `ese ${w}`,
  };
}
