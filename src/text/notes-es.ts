/**
 * A Spanish manager's note as the letter's own sentences, told to the one reader (after
 * text/typed.ts: dates, "os" → "le"). Only shapes a rule reads for certain are changed:
 *
 * - shorthand: "x error" → "por error", "ref" → "referencia", "+" → "y", "3-5 días" → "de 3 a 5 días",
 *   "error almacén" → "error del almacén", "la tela buena" → "la tela correcta";
 * - the batch told to the reader: "sofás … se retrasan" → "Su sofá … se retrasa"; "a clientes con la
 *   suscripción en pausa" → "con su suscripción en pausa"; "a nuestros clientes" → "a usted";
 * - a thing and its participle: "pedido enviado tarde" → "Su pedido se envió tarde", "devolución hecha
 *   el 25" → "La devolución se hizo el 25"; "técnico no presentado" → "Nuestro técnico no se presentó";
 * - an event typed as a noun: "cambio de pasarela el 13/11" → "Hubo un cambio de pasarela el 13 de noviembre";
 *   "nueva entrega viernes 11" → "Su nueva entrega será el viernes 11";
 * - an offer: "49,80 € devueltos y la primera caja gratis" → "Le devolvemos 49,80 € y le regalamos la primera caja";
 * - a request as an infinitive: "si … no le viene bien llamar para…" → "Si … no le viene bien, llámenos para…".
 */
import { commaPieces, figuresAsWords } from './note-pieces.js';
import type { NoteRoleI18n } from './notes-de.js';

const cap = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

/** Nouns that are feminine though they do not end in -a, and masculine ones that do. */
const FEMININE_OTHER = /^(?:\p{L}*(?:ción|sión|dad|tad|tud|umbre|ie)|clase|llave|tarde|noche|gente|parte|calle|red|web|app|factura|mercancía|piel|pasarela)$/u;
const MASCULINE_A = /^(?:problema|sistema|programa|día|mapa|tema|clima|sofá|idioma|esquema|pijama)$/u;
function feminine(noun: string): boolean {
  const n = singular(noun.toLowerCase());
  return !MASCULINE_A.test(n) && (/a$/u.test(n) || FEMININE_OTHER.test(n));
}

/** The singular of a plural noun: "sofás" → "sofá", "pedidos" → "pedido", "colchones" → "colchón", "motores" → "motor". */
export function singular(word: string): string {
  const w = word;
  if (/[aeiouáéó]s$/u.test(w)) return w.slice(0, -1);
  if (/ones$/u.test(w)) return `${w.slice(0, -4)}ón`;
  if (/ces$/u.test(w)) return `${w.slice(0, -3)}z`;
  if (/[lrndj]es$/u.test(w)) return w.slice(0, -2);
  return w;
}

/** The third person singular of a plural verb: "se retrasan" → "se retrasa", "llegaron" → "llegó". */
const VERB_ONE: Readonly<Record<string, string>> = { son: 'es', están: 'está', han: 'ha', van: 'va', fueron: 'fue', estaban: 'estaba', tienen: 'tiene', tenían: 'tenía', eran: 'era', habían: 'había', salieron: 'salió', llegaron: 'llegó', quedaron: 'quedó', hicieron: 'hizo', pusieron: 'puso', vinieron: 'vino', pudieron: 'pudo', tuvieron: 'tuvo', dijeron: 'dijo' };
function verbOne(v: string): string {
  if (Object.hasOwn(VERB_ONE, v)) return VERB_ONE[v]!;
  if (/aron$/u.test(v)) return `${v.slice(0, -4)}ó`;
  if (/ieron$/u.test(v)) return `${v.slice(0, -5)}ió`;
  if (/(?:aban|ían|arán|erán|irán)$/u.test(v)) return v.slice(0, -1).replace(/á$/u, 'á');
  if (/[ae]n$/u.test(v)) return v.slice(0, -1);
  return v;
}
/** A finite verb in the third person plural. */
const PLURAL_VERB = /^(?:son|están|han|van|fueron|estaban|tienen|tenían|eran|habían|\p{L}{2,}(?:aron|ieron|aban|ían|arán|erán|irán|an|en))$/u;

/** Participles: "-ado/-ido" and the irregular ones, with their preterite. */
const IRREGULAR: Readonly<Record<string, readonly [string, string]>> = {
  hecho: ['hizo', 'hicieron'], puesto: ['puso', 'pusieron'], devuelto: ['devolvió', 'devolvieron'], roto: ['rompió', 'rompieron'], escrito: ['escribió', 'escribieron'],
  abierto: ['abrió', 'abrieron'], dicho: ['dijo', 'dijeron'], vuelto: ['volvió', 'volvieron'], cubierto: ['cubrió', 'cubrieron'], resuelto: ['resolvió', 'resolvieron'], impreso: ['imprimió', 'imprimieron'],
  visto: ['vio', 'vieron'], enviado: ['envió', 'enviaron'], previsto: ['previó', 'previeron'],
};
const PARTICIPLE = /^(?:\p{L}{2,}(?:ado|ada|ados|adas|ido|ida|idos|idas)|\p{L}{1,}(?:ído|ída|ídos|ídas)|(?:hech|puest|devuelt|rot|escrit|abiert|dich|vuelt|cubiert|resuelt|impres|vist|previst)(?:o|a|os|as))$/u;
const NOT_PARTICIPLE = /^(?:sábado|sábados|nada|todo|todos|cada|lado|estado|mercado|pasado|teclado|helado|vida|salida|comida|medida|partida|bebida|llegada|entrada|cuidado|resultado|apartado|tejido|sonido|ruido|sentido|contenido|pedido|pedidos|partido|vestido|periodo|período|olvido|apellido|cuñado|abogado|empleado|empleada|encargado|encargada|seda|moda|boda|rueda|tienda|ida|fecha|ropa|cita|vida|falda|almohada|privado|privada|adecuado|adecuada|equivocado|equivocada|pesado|pesada)$/u;
/** Participles of a delivery or a visit still to come, and their future. */
const FUTURE: Readonly<Record<string, string>> = { entregad: 'entregará', instalad: 'instalará', montad: 'montará', llevad: 'llevará', reparad: 'reparará', cambiad: 'cambiará', sustituid: 'sustituirá', repuest: 'repondrá' };
/** Intransitive participles: their preterite takes no "se" ("llegado" → "llegó"). */
const NO_SE = /^(?:caducad|vencid|expirad|llegad|venid|salid|id|pasad|quedad|fallad|fallid|aparecid|desaparecid|ocurrid|sucedid|funcionad|tardad|estad|sid)(?:o|a|os|as)$/u;
/** What follows a participle that is a verb: a preposition, an adverb, a number, a date or nothing. */
const AFTER_VERB = /^(?:y|aunque|a|al|con|de|del|desde|en|entre|hasta|para|por|sin|sobre|tras|el|la|los|las|ayer|hoy|mañana|tarde|pronto|mal|bien|dos|tres|ya|lunes|martes|miércoles|jueves|viernes|sábado|domingo|antes|después|durante|\d.*)$/iu;
/** A finite verb a piece may have already. */
const FINITE = /(?<![\p{L}])(?:es|son|fue|fueron|era|eran|está|están|estaba|estaban|ha|han|hemos|había|habían|hubo|hay|será|serán|va|van|iba|puede|pueden|pudo|tiene|tienen|tenía|llega|llegan|llegará|llegó|sale|salió|saldrá|queda|quedan|quedó|viene|vino|sigue|funciona|tarda|cuesta|incluye|recibe|recibirá|debe|deben)(?![\p{L}])|(?<![\p{L}])(?:le|les|nos|me|te|se|no)\s+(?!\p{L}+(?:ado|ada|ados|adas|ido|ida|idos|idas)(?![\p{L}]))\p{L}{2,}(?:a|e|o|an|en|ó|ió|aron|ieron|aba|ía|amos|emos|imos|ará|erá|irá)(?![\p{L}])|\p{L}{2,}(?:amos|emos|imos|aron|ieron)(?![\p{L}])/u;
/** Ours ("nuestro técnico") and the reader's ("su pedido"). */
const OURS = /^(?:técnico|técnica|equipo|almacén|sistema|web|tienda|proveedor|transportista|repartidor|repartidora|pasarela|app|aplicación|programa|personal|mensajero|instalador|taller|servidor|agencia|oficina|centro|laboratorio|cocina|administración)s?$/u;
const THEIRS = /^(?:pedido|pedidos|paquete|envío|caja|cita|instalación|visita|entrega|factura|recibo|cargo|cobro|suscripción|cuenta|reserva|producto|artículo|libro|sofá|mueble|colchón|compra|tarjeta|abono|plaza|billete|mesa|habitación|sofás|libros|clase|curso|sesión|bici|bicicleta|reparación|revisión|colchón|matrícula|inscripción)$/u;
const DET = /^(?:el|la|los|las|un|una|unos|unas|su|sus|nuestro|nuestra|nuestros|nuestras|este|esta|estos|estas|cada|todo|toda|todos|todas|\d+|dos|tres|cuatro|cinco)$/iu;
const ADJ_BEFORE = /^(?:nuevo|nueva|nuevos|nuevas|primer|primera|primero|segundo|segunda|mal|mala|buen|buena|otro|otra|doble|mismo|misma)$/iu;

function article(kind: 'def' | 'our' | 'your' | 'indef', f: boolean, pl: boolean): string {
  if (kind === 'your') return pl ? 'sus' : 'su';
  if (kind === 'our') return `nuestr${f ? 'a' : 'o'}${pl ? 's' : ''}`;
  if (kind === 'indef') return pl ? (f ? 'unas' : 'unos') : f ? 'una' : 'un';
  return pl ? (f ? 'las' : 'los') : f ? 'la' : 'el';
}

const SHORT: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\p{L}\s)x(?=\s\p{L})/gu, 'por'],
  [/(?<![\p{L}])(?:xq|pq|porq)(?![\p{L}])/giu, 'porque'],
  [/(?<![\p{L}])(?:tb|tmb)(?![\p{L}])/giu, 'también'],
  [/(?<![\p{L}])ref\.?(?=\s|$)/giu, 'referencia'],
  [/(?<![\p{L}])info(?![\p{L}])/giu, 'información'],
  [/(?<![\p{L}])pdte(?![\p{L}])/giu, 'pendiente'],
  [/(?<![\p{L}])asap(?![\p{L}])/giu, 'lo antes posible'],
  [/(?<![\p{L}])sms(?![\p{L}])/giu, 'SMS'],
  // i18n15: "mails" are several ("los correos no se entregaron", never "los correo").
  [/(?<![\p{L}-])mails(?![\p{L}-])/giu, 'correos'],
  [/(?<![\p{L}-])mail(?![\p{L}-])/giu, 'correo'],
  [/(?<![\p{L}])uds?\.?(?=\s)/giu, 'usted'],
  // "unas 4h": a duration in words.
  [/(?<=(?:unas|unos|durante|casi|más de|menos de)\s)(\d+)\s?h(?![\p{L}\d])/gu, '$1 horas'],
  // "talla equivocada, M en vez de L": the thing named once ("talla M en vez de L").
  [/^(\p{L}+)\s+equivocad[oa]s?,\s+(\S+\s+en (?:vez|lugar) de\s+\S+)$/u, '$1 $2'],
  // "enviado aunque ya estaba pagado": the reader had paid.
  [/(?<![\p{L}])aunque ya (?:estaba|estaban|había sido|habían sido) pagad[oa]s?(?![\p{L}])/gu, 'aunque usted ya había pagado'],
  // "cancelada sin avisar": we did not tell the reader.
  [/(?<![\p{L}])sin avisar(?=\s*(?:$|[.,;!?()]))/gu, 'sin avisarle'],
  // "por huelga": a strike, with its article.
  [/(?<![\p{L}])(por|debido a)\s+(huelga|avería|inundación|tormenta|nevada)(?![\p{L}])/gu, '$1 una $2'],
  // "para el próximo pedido": the reader's next one.
  [/(?<![\p{L}])(para|en|con)\s+(?:el|la)\s+(próximo|próxima)\s+(?=\p{L})/gu, '$1 su $2 '],
  // "prevista el miércoles": planned for a day.
  [/(?<![\p{L}])(previst[oa]s?|programad[oa]s?)\s+el\s+(?=(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|\d))/gu, '$1 para el '],
  [/(?<![\p{L}])en\s+(\d+)\s?[-–]\s?(\d+)\s+(días|semanas|horas|minutos)/gu, 'en un plazo de $1 a $2 $3'],
  [/(?<![\p{L}\d])(\d+)\s?[-–]\s?(\d+)\s+(días|semanas|horas|minutos)/gu, 'de $1 a $2 $3'],
  [/(?<![\p{L}])(la\s+)?semana (\d{1,2})\s?[-–]\s?(\d{1,2}) de (\p{L}+)/gu, 'la semana del $2 al $3 de $4'],
];

/** "error almacén" → "error del almacén", "fallo web" → "fallo de la web". */
function ofThe(text: string): string {
  return text.replace(/(?<![\p{L}])(error|fallo|problema|retraso|despiste|cambio)\s+(almacén|sistema|proveedor|transportista|web|tienda|taller|banco|pasarela|app|agencia|programa|servidor|personal)(?![\p{L}])/giu,
    (_m, a: string, b: string) => `${a} ${feminine(b) ? 'de la' : 'del'} ${b}`);
}

function shorthand(text: string): string {
  let out = text;
  for (const [re, to] of SHORT) out = out.replace(re, to);
  // "prevista  la semana" after the replacement above: one space.
  // "tela buena" (the right one) → "tela correcta".
  out = out.replace(/(?<![\p{L}])(\p{L}+)\s+(buena|bueno|buenas|buenos)(?![\p{L}])/gu, (m, n: string, b: string) => (/^(?:muy|más|la|el|lo|es|sea|una|un|ser|está|muy)$/iu.test(n) ? m : `${n} ${b.replace('buen', 'correct')}`));
  return ofThe(out);
}

/** The batch told to the one reader: "a clientes con la suscripción…" → "con su suscripción…", "a nuestros clientes" → "a usted". */
function toReader(text: string): string {
  return text
    .replace(/(?<![\p{L}])(?:las\s+)?molestias\s+(?:causadas\s+)?a\s+(?:todos\s+)?(?:nuestros|los)\s+clientes(?:\s+afectados)?(?![\p{L}])/giu, 'las molestias que le hemos causado')
    .replace(/\s+a\s+(?:los\s+|nuestros\s+|todos\s+los\s+)?clientes\s+con\s+(?:el|la|los|las)\s+/giu, ' con su ')
    .replace(/\s+a\s+(?:los\s+|nuestros\s+|todos\s+los\s+)?clientes\s+que\s+(\p{L}+)/giu, (_m, v: string) => ` aunque usted ${verbOne(v)}`)
    .replace(/(?<![\p{L}])a\s+(?:todos\s+)?(?:nuestros|los)\s+clientes(?:\s+afectados)?(?![\p{L}])/giu, 'a usted')
    // "los clientes tuvieron que irse" → "usted tuvo que irse": the verb agrees with the one reader.
    .replace(/(?<![\p{L}])(?:(?:todos\s+)?(?:nuestros|los)\s+)?(?:clientes|socios|pacientes|usuarios|alumnos|huéspedes|comensales)(?:\s+afectados)?\s+(no\s+)?((?:se|les|nos)\s+)?(\p{L}+)(?![\p{L}])/gu, (m, no: string | undefined, cl: string | undefined, v: string) =>
      PLURAL_VERB.test(v) && !/^(?:en|bien|también|desde|según|tren|imagen|orden|volumen|origen|resumen|almacén|examen|afectados)$/u.test(v) ? `usted ${no ?? ''}${(cl ?? '').replace(/^les/u, 'le')}${verbOne(v)}` : m)
    .replace(/(?<![\p{L}])(?:nuestros|los)\s+clientes(?:\s+afectados)?(?![\p{L}])/giu, 'usted');
}

/** "Sofás en bouclé … se retrasan" → "Su sofá en bouclé … se retrasa": a mistake that opens with the batch's plural. */
function batchToOne(text: string): string {
  const m = /^(?:(?:los|las|nuestros|nuestras|todos los|todas las)\s+)?(\p{L}+)(?=\s|,)/iu.exec(text);
  if (!m) return text;
  const noun = m[1]!;
  const one = singular(noun.toLowerCase());
  if (one === noun.toLowerCase() || !THEIRS.test(noun.toLowerCase()) && !THEIRS.test(one)) return text;
  const rest = text.slice(m[0].length);
  // The first plural verb of the clause agrees; a participle right after the noun too ("pedidos enviados").
  const words = rest.split(/(\s+)/u);
  let verbDone = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^[.;]/u.test(w)) break;
    if (!verbDone && PLURAL_VERB.test(w) && !/^(?:en|bien|también|desde|según|tren|imagen|orden|volumen|origen|resumen|almacén|examen)$/u.test(w)) {
      words[i] = verbOne(w);
      verbDone = true;
    } else if (!verbDone && /^\p{L}+(?:ados|adas|idos|idas)$/u.test(w)) words[i] = w.slice(0, -1);
  }
  return `su ${one}${words.join('')}`;
}

/** The offer typed as things and what is done with them ("49,80 € devueltos y la primera caja gratis"). */
const OFFER: Readonly<Record<string, string>> = { devuelt: 'devolvemos', enviad: 'enviamos', regalad: 'regalamos', reembolsad: 'reembolsamos', abonad: 'abonamos', descontad: 'descontamos', anulad: 'anulamos', cancelad: 'cancelamos', cambiad: 'cambiamos', repuest: 'reponemos', mandad: 'mandamos' };
function offer(text: string): string | undefined {
  const items = text.split(/\s+(?:y|\+)\s+/u);
  const said: string[] = [];
  for (const item of items) {
    if (/^reembolso (?:completo|íntegro|total)$/iu.test(item.trim())) {
      said.push('le reembolsamos el importe completo');
      continue;
    }
    const words = item.trim().split(/\s+/u);
    const gratis = words.findIndex((w) => /^(?:gratis|gratuit[oa]s?|de regalo)$/iu.test(w));
    const i = words.findIndex((w, k) => k > 0 && Object.hasOwn(OFFER, w.replace(/(?:o|a|os|as)$/u, '')));
    if (i > 0) {
      const rest = words.slice(i + 1).join(' ');
      const thing = words.slice(0, i);
      // "gastos de envío devueltos": the thing with its article ("le devolvemos los gastos de envío").
      if (!DET.test(thing[0]!) && !/^[\d€$£]/u.test(thing[0]!) && /^\p{Ll}/u.test(thing[0]!)) thing.unshift(article('def', /(?:a|as)$/u.test(words[i]!), /s$/u.test(words[i]!)));
      said.push(`le ${OFFER[words[i]!.replace(/(?:o|a|os|as)$/u, '')]} ${thing.join(' ')}${rest ? ` ${rest}` : ''}`);
    } else if (gratis > 0) {
      const thing = [...words.slice(0, gratis), ...words.slice(gratis + 1)];
      if (!DET.test(thing[0]!)) thing.unshift(article('def', feminine(thing[0]!), /s$/u.test(thing[0]!)));
      said.push(`le regalamos ${thing.join(' ')}`);
    }
    else return undefined;
  }
  // Things only "gratis" are an offer the letter introduces itself ("le ofrezco la próxima limpieza gratis").
  if (!items.some((item) => item.trim().split(/\s+/u).some((w, k) => k > 0 && Object.hasOwn(OFFER, w.replace(/(?:o|a|os|as)$/u, ''))) || /^reembolso (?:completo|íntegro|total)$/iu.test(item.trim()))) return undefined;
  return said.join(' y ');
}

const IMPERATIVE: Readonly<Record<string, string>> = {
  llamar: 'llámenos', llamarnos: 'llámenos', escribir: 'escríbanos', escribirnos: 'escríbanos', avisar: 'avísenos', avisarnos: 'avísenos', contactar: 'contáctenos', contactarnos: 'contáctenos',
  enviar: 'envíenos', enviarnos: 'envíenos', mandar: 'mándenos', mandarnos: 'mándenos', responder: 'responda', guardar: 'guarde', conservar: 'conserve', revisar: 'revise', comprobar: 'compruebe',
  borrar: 'borre', eliminar: 'elimine', dejar: 'deje', tirar: 'tire', usar: 'use', esperar: 'espere', ignorar: 'ignore', devolver: 'devuelva', quedarse: 'quédese', pasar: 'pase', traer: 'traiga',
  cambiar: 'cambie', actualizar: 'actualice', imprimir: 'imprima', llevar: 'lleve', confirmar: 'confirme', activar: 'active', descargar: 'descargue', rellenar: 'rellene', firmar: 'firme',
  pedir: 'pida', reservar: 'reserve', subir: 'suba', presentar: 'presente', pagar: 'pague', recoger: 'recoja', completar: 'complete', introducir: 'introduzca', adjuntar: 'adjunte', entregar: 'entregue', remitir: 'remita', cargar: 'cargue', reenviar: 'reenvíe', solicitar: 'solicite', elegir: 'elija', contestar: 'conteste', verificar: 'verifique', consultar: 'consulte', restablecer: 'restablezca', mirar: 'mire', leer: 'lea', pegar: 'pegue',
};
/** Things a request names that are the reader's own ("cambie su contraseña"). */
const READERS_OWN = /(?<![\p{L}])(?:el|la|los|las)\s+(contraseña|contraseñas|extracto|extractos|cuenta|correo|buzón|tarjeta|movimientos)(?![\p{L}])/u;
function request(piece: string): string | undefined {
  const t = piece.trim();
  const m = /^(?:(si\s.+?|para cualquier (?:duda|pregunta|consulta)|ante cualquier duda|en caso de duda|si hace falta)\s*,?\s+)?(\p{L}+(?:ar|er|ir)(?:nos|se)?)(?![\p{L}])(.*)$/iu.exec(t);
  if (!m) return undefined;
  const verb = m[2]!.toLowerCase();
  if (!Object.hasOwn(IMPERATIVE, verb)) return undefined;
  // "revisar el extracto y llamarnos si hay dudas": the second infinitive asked too; the reader's own things are "su".
  const rest = m[3]!.replace(/(?<=\s(?:y|o|e)\s)(\p{L}+(?:ar|er|ir)(?:nos|se)?)(?![\p{L}])/u, (v: string) => IMPERATIVE[v.toLowerCase()] ?? v)
    .replace(READERS_OWN, (_m, n: string) => `${/s$/u.test(n) ? 'sus' : 'su'} ${n}`);
  const said = `${IMPERATIVE[verb]}${rest}`;
  return m[1] ? `${cap(m[1])}, ${said}` : cap(said);
}

const PAST: ReadonlySet<NoteRoleI18n> = new Set(['mistake', 'cause', 'commitment', 'outcome']);

function subjectOf(words: string[], role: NoteRoleI18n, participle: string): { text: string; pl: boolean } | undefined {
  if (words.length === 0 || words.length > 8) return undefined;
  // "el técnico revisa la caja": a second article not after a preposition means a verb stands between.
  if (words.some((w, k) => k > 0 && /^(?:el|la|los|las|un|una)$/iu.test(w) && !/^(?:de|a|en|con|por|para|sobre|entre|sin|desde|hasta|todo|toda|todos|todas)$/iu.test(words[k - 1]!))) return undefined;
  const first = words[0]!;
  const pl = /(?:os|as)$/u.test(participle);
  if ((DET.test(first) || /^\d/u.test(first)) && words.length === 1) return undefined;
  if (DET.test(first) || /^\d/u.test(first)) return { text: words.join(' '), pl };
  const head = (ADJ_BEFORE.test(first) ? words[1] : first) ?? first;
  const f = /(?:a|as)$/u.test(participle) || (!/(?:o|os)$/u.test(participle) && feminine(head));
  const low = head.toLowerCase();
  const kind = OURS.test(low) ? 'our' : (role === 'mistake' || role === 'outcome') && THEIRS.test(low) ? 'your' : 'def';
  const lowered = /^\p{Lu}\p{Ll}/u.test(first) ? first[0]!.toLowerCase() + first.slice(1) : first;
  return { text: `${article(kind, f, pl)} ${[lowered, ...words.slice(1)].join(' ')}`, pl };
}

/** Participles of what others did to us, or what happened by itself: never "hackeamos el servidor". */
const NOT_OURS_ES = /^(?:hackead|atacad|dañad|estropead|robad|retrasad|bloquead|saturad|colapsad|afectad|cancelad|rechazad|cortad|interrumpid|caíd|perdid|borrad|eliminad|duplicad|corrompid|sobrescrit)(?:o|a|os|as)$/u;

function preterite(p: string, pl: boolean): string {
  const stem = p.replace(/(?:o|a|os|as)$/u, '');
  const irregular = IRREGULAR[`${stem}o`];
  if (irregular) return irregular[pl ? 1 : 0];
  // i18n15: "fallido" is fallar's ("la actualización falló", never "se fallió").
  if (stem === 'fallid') return pl ? 'fallaron' : 'falló';
  if (/ad$/u.test(stem)) return pl ? `${stem.slice(0, -2)}aron` : `${stem.slice(0, -2)}ó`;
  // i18n14: -ir verbs that change e to i in the preterite ("corregida" → "se corrigió", "pedido" → "pidió").
  const ei = /(?:corregid|pedid|repetid|servid|medid|elegid|seguid|impedid|despedid|vestid|sentid|preferid|convertid|advertid|sugerid|referid|invertid|competid)$/u.test(stem);
  if (ei) {
    const base = stem.slice(0, -2);
    const at = base.lastIndexOf('e');
    const changed = `${base.slice(0, at)}i${base.slice(at + 1)}`;
    return pl ? `${changed}ieron` : `${changed}ió`;
  }
  if (/uid$/u.test(stem)) return pl ? `${stem.slice(0, -2)}yeron` : `${stem.slice(0, -2)}yó`;
  if (/íd$/u.test(stem)) return pl ? `${stem.slice(0, -2)}yeron` : `${stem.slice(0, -2)}yó`;
  return pl ? `${stem.slice(0, -2)}ieron` : `${stem.slice(0, -2)}ió`;
}

/** Words a piece of a change opens with that are no thing put in place. */
const ADVERB_START = /^(?:antes|después|cada|ya|ahora|siempre|nunca|también|además|desde|hasta|todos|todas|todo|toda|mañana|hoy|luego|así|si|no)(?![\p{L}])/iu;
/**
 * Whether the piece after piece k goes on with its clause ("Ihr Termin … am Mittwoch, 25. November" + "um 10:30 Uhr wurde … gestrichen"):
 * it opens with no subject of its own and has a verb that is not its first word. Then piece k is no note of its own.
 */
function continues(parts: string[], k: number): boolean {
  const next = parts[k + 1]?.trim();
  if (next === undefined || !/^(?!(?:nosotros|yo|él|ella|el|la|los|las|un|una|nuestro|nuestra|nuestros|nuestras|su|sus|cada|usted|le|se|no|nadie|nada|y|e|pero|o|sino)\s)\p{Ll}/u.test(next)) return false;
  const verb = FINITE.exec(next);
  return verb !== null && verb.index > 0;
}

/** A piece that leans on the one before it (a conjunction, a relative pronoun, a preposition): never a note of its own. */
const LEANS = /^(?:y|e|o|u|pero|que|con|sin|para|por|en|a|al|de|del|como|cuando|donde|aunque|porque|pues|sino|incluido|incluida|salvo|excepto|tras|desde|hasta)(?![\p{L}])/iu;

function pieceToClause(piece: string, role: NoteRoleI18n, whole: boolean, alone = false, sentence = piece): string | undefined {
  const t = piece.trim();
  if (t === '') return undefined;
  // A cause typed as one noun phrase the letter frames itself ("La causa fue un error al preparar el pedido.").
  if (alone && role === 'cause' && /^(?:error|fallo|problema|despiste|cambio|retraso)(?![\p{L}])(?!\s+(?:nuestr|mí))/iu.test(t)) return undefined;
  if (role === 'action') {
    const r = request(t);
    if (r) return r;
  }
  if (/^(?:porque|ya que|puesto que|como)\s/iu.test(t) && (role === 'cause' || role === 'mistake') && (FINITE.test(t) || /\p{L}{2,}(?:ó|aron|ieron)(?![\p{L}])/u.test(t))) return cap(t.replace(/^(?:porque|ya que|puesto que|como)\s+/iu, ''));
  if (LEANS.test(t)) return undefined;
  // "tarta de chocolate en vez de limón": what we sent instead of what was ordered.
  const swap = /^(\p{L}[\p{L}-]*(?:\s+[\p{L}\d-]+){0,3})\s+en (?:vez|lugar) de\s+(\S+(?:\s+\S+){0,3})$/u.exec(t);
  if (swap && role === 'mistake' && !FINITE.test(t)) {
    const a = swap[1]!.split(/\s+/u);
    const b = swap[2]!.split(/\s+/u);
    if (!a.some((w) => PARTICIPLE.test(w) && !NOT_PARTICIPLE.test(w.toLowerCase()))) {
      const head = DET.test(a[0]!) ? a[1] ?? a[0]! : a[0]!;
      const f = feminine(head);
      const theA = DET.test(a[0]!) ? a.join(' ') : `${article('def', f, false)} ${a.join(' ')}`;
      // "la tarta de chocolate en lugar de la de limón"; "la talla M en lugar de la L".
      const theB = DET.test(b[0]!) ? b.join(' ') : b.length === 1 && a.length >= 2 ? `${article('def', f, false)}${a[a.length - 2] === 'de' ? ' de' : ''} ${b[0]}` : `${article('def', feminine(b[0]!), false)} ${b.join(' ')}`;
      return `Le enviamos ${theA} en lugar de ${theB}`.replace(/ de el /gu, ' del ');
    }
  }
  // "cobro duplicado": there was one too many.
  const twice = /^(\p{Ll}+(?:\s+de\s+\p{Ll}+)?)\s+(duplicad[oa]|doble|dos veces|de más)$/u.exec(t);
  if (twice && (role === 'mistake' || role === 'cause') && !DET.test(twice[1]!.split(' ')[0]!)) return `Hubo ${article('indef', feminine(twice[1]!.split(' ')[0]!), false)} ${twice[1]} ${twice[2]}`;
  // "devolución en curso": under way now.
  const ongoing = /^(\p{Ll}+(?:\s+de\s+\p{Ll}+)?)\s+(en curso|en marcha|en trámite|en proceso)(.*)$/u.exec(t);
  if (ongoing && !FINITE.test(t) && !DET.test(ongoing[1]!.split(' ')[0]!)) return `${cap(article('def', feminine(ongoing[1]!.split(' ')[0]!), false))} ${ongoing[1]} está ${ongoing[2]}${ongoing[3]}`;
  // "entrega con 3 días de retraso": it came that late.
  const late = /^(\p{Ll}+)\s+(con\s+(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|diez)\s+(?:días|horas|semanas)\s+de\s+retraso.*)$/u.exec(t);
  if (late && !FINITE.test(t) && PAST.has(role)) {
    const low = late[1]!;
    return `${cap(article(OURS.test(low) ? 'our' : THEIRS.test(low) ? 'your' : 'def', feminine(low), false))} ${low} llegó ${late[2]}`;
  }
  // "agenda sin sincronizar": how it was.
  const without = /^(\p{Ll}+(?:\s+de\s+\p{Ll}+)?)\s+(sin\s+\p{Ll}+(?:ar|er|ir)(?![\p{L}]).*)$/u.exec(t);
  if (without && !FINITE.test(t) && !DET.test(without[1]!.split(' ')[0]!) && role !== 'action' && role !== 'remedy') {
    const low = without[1]!.split(' ')[0]!;
    return `${cap(article(OURS.test(low) ? 'our' : 'def', feminine(low), false))} ${without[1]} ${PAST.has(role) && role !== 'outcome' ? 'estaba' : 'está'} ${without[2]}`;
  }
  // "devolución gratis", "etiqueta adjunta": an offer's things and how they come.
  const free = /^(\p{Ll}+(?:\s+de\s+\p{Ll}+)?)\s+(gratis|gratuit[oa]s?|sin coste|sin cargo|adjunt[oa]s?|incluid[oa]s?)$/u.exec(t);
  if (free && (role === 'remedy' || role === 'outcome' || role === 'action') && !DET.test(free[1]!.split(' ')[0]!)) {
    const low = free[1]!.split(' ')[0]!;
    const f = feminine(low);
    const pl = /s$/u.test(low) && !/(?:és|ís|us)$/u.test(low);
    // Many things free "quedan a nuestro cargo" (the letter's frame reads that verb; "son gratuitos" it would frame again).
    const how = /^(?:gratis|gratuit|sin co|sin ca)/u.test(free[2]!) ? (pl ? 'quedan a nuestro cargo' : `es gratuit${f ? 'a' : 'o'} para usted`) : `${pl ? 'van' : 'va'} ${free[2]!.replace(/[oa]s?$/u, f ? (pl ? 'as' : 'a') : pl ? 'os' : 'o')}`;
    return `${cap(article('def', f, pl))} ${free[1]} ${how}`;
  }
  // "vale de 10 € para su próximo pedido": an offer typed as a thing takes its article.
  const given = /^(vale|cupón|código|descuento|bono|regalo|abono)(?=\s+(?:de|por|del)\s)/iu.exec(t);
  if (given && role === 'remedy' && !FINITE.test(t)) return `un ${t}`;
  // "confirmar las citas por SMS a partir de ahora", "cambio de transportista en enero": what we do from now on.
  const inf = /^(\p{Ll}{2,}(a|e|i)r)(\s.+)$/u.exec(t);
  if (inf && role === 'commitment' && !/^(?:lugar|hogar|taller|alquiler|poder|deber|placer|mujer|ayer|collar|militar|familiar|par|mar|bar|nivel)$/u.test(inf[1]!) && !FINITE.test(t)) return `${cap(inf[1]!.slice(0, -2))}${inf[2]}mos${inf[3]}`;
  const change = /^cambio de\s+(.+)$/iu.exec(t);
  if (change && role === 'commitment' && !FINITE.test(t)) return `Cambiamos de ${change[1]}`;
  if (role === 'remedy' && whole && !FINITE.test(t)) {
    const o = offer(t);
    if (o) return o;
  }
  // "Devolvemos los 60 €": what we give the reader, with "le".
  const dative = /^(devolvemos|enviamos|mandamos|cobramos|regalamos|reembolsamos|abonamos|descontamos|quitamos|damos|ofrecemos|cambiamos|cargamos|facturamos)(?![\p{L}])/iu.exec(t);
  // Not when the letter names someone else it went to ("mandamos su informe a otro paciente").
  if (dative && (role === 'mistake' || role === 'remedy' || role === 'outcome') && !/\s(?:a|al)\s+(?:otr[oa]s?|un|una|unos|unas|la|el|los|las|nuestr[oa]s?|sus?|\p{Lu})/u.test(t.slice(dative[0].length))) return `Le ${dative[1]!.toLowerCase()}${t.slice(dative[0].length)}`;
  if (/^(?:sin|no hay)\s+/iu.test(t) && !FINITE.test(t.replace(/^no hay\s+/iu, ''))) return undefined;
  if (FINITE.test(t.replace(/\s(?:aunque|pese a que|a pesar de que|sin que)\s.*$/u, ''))) {
    // "tela correcta llega el 1 de diciembre": a bare noun before its verb gets its article.
    const m = /^(\p{Ll}+)(\s+\p{Ll}+)?\s+((?:no\s+)?(?:se\s+)?(?:llega|llegará|sale|saldrá|está|estará|es|será|va|queda|sigue|funciona|tarda|vuelve|ha|han|llegan|salen|están|son|van|vino|fue|hizo|puso|tuvo|dijo|pudo|\p{Ll}{2,}(?:ó|aron|ieron)))(?![\p{L}])/u.exec(t);
    if (m && !DET.test(m[1]!) && !/^(?:no|ya|hoy|ayer|también|se|le|lo|nos|que|si)$/u.test(m[1]!)) {
      const pl = /(?:an|en|son|están|han|van|aron|ieron)$/u.test(m[3]!);
      const low = m[1]!;
      const kind = OURS.test(low) ? 'our' : (role === 'mistake' || role === 'outcome') && THEIRS.test(low) ? 'your' : 'def';
      return `${article(kind, feminine(low), pl)} ${t}`;
    }
    return undefined;
  }
  const words = t.split(/\s+/u);
  // "nueva entrega viernes 11 de diciembre": when it will be.
  const ev = /^((?:nueva|nuevo)\s+)?(entrega|cita|instalación|visita|fecha de entrega|llegada|devolución|envío|reparto|reembolso)\s+((?:el\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|\d).*)$/iu.exec(t);
  if (ev && (role === 'outcome' || role === 'mistake' || role === 'remedy')) {
    const noun = ev[2]!.toLowerCase();
    const f = feminine(noun.split(' ')[0]!);
    const kind = THEIRS.test(noun) || ev[1] ? 'your' : 'def';
    return `${article(kind, f, false)} ${ev[1] ?? ''}${noun} ${role === 'mistake' ? 'era' : 'será'} ${/^el\s/iu.test(ev[3]!) || /^\d/u.test(ev[3]!) ? '' : 'el '}${ev[3]!.replace(/^(\d)/u, 'el $1')}`;
  }
  // "reembolso en un plazo de 5 a 7 días": when it comes.
  // "repartidor enfermo", "paquete en camino": a state.
  const state = /^(.+?)\s+(no\s+)?(otra vez operativa|otra vez operativo|de nuevo operativa|de nuevo operativo|operativa|operativo|caída(?=\s+(?:unas|unos|durante|casi|más de|toda|todo)\s)|caído(?=\s+(?:unas|unos|durante|casi|más de|toda|todo)\s)|enfermo|enferma|de baja|ausente|saturado|saturada|averiado|averiada|roto|rota|lleno|llena|en camino|de camino|en reparto|listo|lista|listos|listas|disponible|disponibles|agotado|agotada|sin stock|fuera de servicio|sin servicio|sin conexión)(?![\p{L}])(.*)$/iu.exec(t);
  // (i18n15: a weekday after the state takes its article: "está lista el martes 1 de diciembre")
  if (state && (role === 'cause' || role === 'mistake' || role === 'outcome')) {
    const words0 = state[1]!.split(/\s+/u);
    const f = /(?:a|as)$/u.test(state[3]!) && !/^(?:en|de)\s/u.test(state[3]!);
    const single = !/\s/u.test(state[3]!);
    const s0 = subjectOf(words0, role, single && f ? 'xa' : single && /(?:o|os)$/u.test(state[3]!) ? 'xo' : '');
    // "caída unas 4 horas": a state that lasted a while is told in the preterite ("estuvo").
    const lasted = /^\s+(?:unas|unos|durante|casi|más de|toda|todo)\s/u.test(state[4]!);
    if (s0) return `${cap(s0.text)} ${state[2] ? 'no ' : ''}${role === 'outcome' ? (s0.pl ? 'están' : 'está') : lasted ? (s0.pl ? 'estuvieron' : 'estuvo') : s0.pl ? 'estaban' : 'estaba'} ${state[3]}${state[4]!.replace(/^\s+(?=(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s+\d)/u, ' el ')}`;
  }
  const soon = /^(reembolso|devolución|envío|entrega|paquete|pedido|abono|transferencia|tela|pieza|recambio)\s+((?:en un plazo|en \d|dentro de|antes del|antes de|a partir del)\s*.*)$/iu.exec(t);
  if (soon && (role === 'outcome' || role === 'remedy')) {
    const noun = soon[1]!.toLowerCase();
    return `${article(THEIRS.test(noun) ? 'your' : 'def', feminine(noun), false)} ${noun} llegará ${soon[2]}`;
  }
  const ours = /^(error|fallo|culpa)\s+(nuestr[oa]|mí[oa])(?![\p{L}])(.*)$/iu.exec(t);
  if (ours) return `${ours[1]!.toLowerCase() === 'culpa' ? 'La culpa' : `El ${ours[1]!.toLowerCase()}`} fue ${ours[2]}${ours[3]}`;
  // An offer's things keep their participles ("la edición ilustrada").
  for (let i = 1; i < words.length && role !== 'remedy'; i++) {
    const w = words[i]!;
    if (!PARTICIPLE.test(w) || NOT_PARTICIPLE.test(w.toLowerCase())) continue;
    const next = words[i + 1];
    if (next !== undefined && !AFTER_VERB.test(next)) continue;
    let before = words.slice(0, i);
    const negative = before.length > 1 && /^no$/iu.test(before[before.length - 1]!);
    if (negative) before = before.slice(0, -1);
    // "mal", "bien", "tarde" before the participle go after the verb ("se probó mal").
    const adverbs: string[] = [];
    while (before.length > 1 && /^(?:mal|bien|tarde|ya|correctamente)$/iu.test(before[before.length - 1]!)) adverbs.unshift(before.pop()!);
    const afterWords = [...adverbs, ...words.slice(i + 1)].join(' ');
    // "color equivocado enviado": we sent the wrong one.
    const wrong = before.findIndex((x) => /^(?:equivocad|incorrect|err[oó]ne)(?:o|a|os|as)$/iu.test(x));
    if (role === 'mistake' && wrong > 0 && !negative && !NO_SE.test(w)) {
      const object = subjectOf(before, 'cause', w);
      if (object) return `Le ${preterite(w, true).replace(/aron$/u, 'amos').replace(/ieron$/u, 'imos')} ${object.text}${afterWords ? ` ${afterWords}` : ''}`;
    }
    // i18n15: a cause of ours typed as a participle is owned with "we": "pedido apuntado mal por teléfono" → "apuntamos mal el
    // pedido por teléfono", not "el pedido se apuntó mal" (never for what others did to us: "servidor hackeado").
    const second0 = /^y\s+\p{L}+/u.test(words.slice(i + 1).join(' '));
    if (role === 'cause' && !NO_SE.test(w) && !NOT_OURS_ES.test(w) && !second0 && !/^por\s+(?:el|la|los|las|un|una)\s/iu.test(words.slice(i + 1).join(' '))) {
      const object = subjectOf(before, 'cause', w);
      // "we" in the preterite: an irregular one from its third person ("hicieron" → "hicimos"), a regular one from the stem
      // (no vowel change for "nosotros": "corregimos", "pedimos").
      const st = w.replace(/(?:o|a|os|as)$/u, '');
      const we = IRREGULAR[`${st}o`] ? preterite(w, true).replace(/aron$/u, 'amos').replace(/ieron$/u, 'imos')
        : /ad$/u.test(st) ? `${st.slice(0, -2)}amos` : /íd$/u.test(st) ? `${st.slice(0, -2)}ímos` : /id$/u.test(st) ? `${st.slice(0, -2)}imos` : '';
      // "apuntado mal": the adverb before the object ("apuntamos mal el pedido").
      const late = /^(?:mal|bien|tarde)$/iu.test(words[i + 1] ?? '') ? [words[i + 1]!] : [];
      const tail = words.slice(i + 1 + late.length).join(' ');
      const how = [...adverbs, ...late];
      if (object && /(?:amos|imos)$/u.test(we)) return `${negative ? 'no ' : ''}${we}${how.length ? ` ${how.join(' ')}` : ''} ${object.text}${tail ? ` ${tail}` : ''}`;
    }
    const subject = subjectOf(before, role, w);
    if (!subject) return undefined;
    const after = afterWords;
    const past = PAST.has(role);
    // A change done ("sistema nuevo instalado" → "ya está instalado"); arranged for later ("prevista en diciembre" → "está prevista").
    if (role === 'commitment' || /^(?:previst|programad|planificad|confirmad|fijad|reservad)(?:o|a|os|as)$/u.test(w)) {
      return `${cap(subject.text)} ${negative ? 'no ' : ''}${role === 'commitment' && !/^(?:previst|programad|planificad)/u.test(w) ? 'ya ' : ''}${subject.pl ? 'están' : 'está'} ${w}${after ? ` ${after}` : ''}`;
    }
    // "colchón nuevo entregado el miércoles": a delivery still to come ("se entregará").
    const stem = w.replace(/(?:o|a|os|as)$/u, '');
    const future = role === 'outcome' && Object.hasOwn(FUTURE, stem) && /(?:^|\s)(?:el|mañana|próxim\p{L}*|lunes|martes|miércoles|jueves|viernes|sábado|domingo|antes del)(?![\p{L}])/u.test(after) && !/(?:^|\s)(?:hoy|ayer)(?![\p{L}])/u.test(after);
    // "enviada y cobrada dos veces": two participles, two verbs.
    let said = future ? `${FUTURE[stem]}${subject.pl ? 'n' : ''}` : past ? preterite(w, subject.pl) : `${subject.pl ? 'se han' : 'se ha'} ${w}`;
    const se = (past || future) && !NO_SE.test(w) ? 'se ' : '';
    let rest = after;
    const second = /^y\s+(\p{L}+)(.*)$/u.exec(after);
    if (second && PARTICIPLE.test(second[1]!) && past && !future) {
      said = `${said} y ${NO_SE.test(second[1]!) ? '' : 'se '}${preterite(second[1]!, subject.pl)}`;
      rest = second[2]!.trim();
    }
    return `${cap(subject.text)} ${negative ? 'no ' : ''}${se}${said}${rest ? ` ${rest}` : ''}`;
  }
  // An event typed as a noun ("cambio de pasarela de pago el 13 de noviembre"): there was one.
  const event = /^(cambio|error|fallo|problema|retraso|corte|caída|avería|despiste|confusión|migración|actualización|incidencia)(?![\p{L}])/iu.exec(t);
  // A cause that is this noun alone is framed by the letter itself ("La causa fue un error…").
  if (event && (role === 'cause' || role === 'mistake') && (!alone || !/^(?:error|fallo|problema|despiste|cambio|retraso)$/iu.test(event[1]!))) return `Hubo ${article('indef', feminine(event[1]!.toLowerCase()), false)} ${t[0]!.toLowerCase()}${t.slice(1)}`;
  // A change typed as a thing ("doble revisión de cada pedido antes de enviarlo"): we put it in place.
  if (role === 'commitment' && /^\p{Ll}{3,}/u.test(t) && words.length >= 2 && !DET.test(words[0]!) && words.length <= 14 && !FINITE.test(sentence) && !ADVERB_START.test(t)) {
    const head = ADJ_BEFORE.test(words[0]!) ? words[1] ?? words[0]! : words[0]!;
    return `Ponemos en marcha ${article('indef', feminine(head), false)} ${t}`;
  }
  return undefined;
}

/** A Spanish note for the part it plays in a letter, as sentences told to the one reader; text no rule reads for sure stays as typed. */
export function spanishNote(text: string, role: NoteRoleI18n | 'when'): string {
  if (text.trim() === '') return text;
  let typed = shorthand(text);
  if (role === 'when') return typed;
  if (role !== 'cause' && role !== 'commitment') typed = toReader(typed);
  if (role === 'mistake') typed = batchToOne(typed);
  if (role !== 'remedy' || !offer(typed)) typed = typed.replace(/\s\+\s/gu, ', ');
  // i18n14: "entrega nueva: viernes 4 de diciembre entre 9-14h": the new date as a sentence.
  if (role === 'outcome') {
    const label = /^(entrega nueva|nueva entrega|nueva fecha de entrega|fecha nueva|nueva fecha|cita nueva|nueva cita|visita nueva|nueva visita)\s*:?\s+((?:el\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|\d).+)$/iu.exec(typed.trim());
    if (label) {
      const what = label[1]!.toLowerCase();
      const when = label[2]!.replace(/^el\s+/iu, '').replace(/[.]$/u, '')
        .replace(/,?\s+(?:entre|de)\s+(?:las\s+)?(\d{1,2})(?::(\d{2}))?\s*(?:h\s*)?(?:-|–|y|a)\s*(?:las\s+)?(\d{1,2})(?::(\d{2}))?\s*h?(?![\p{L}\d])/u, (_m, a: string, am: string | undefined, b: string, bm: string | undefined) => `, entre las ${a}:${am ?? '00'} y las ${b}:${bm ?? '00'}`);
      const noun = /entrega/u.test(what) ? 'La nueva entrega será' : /cita/u.test(what) ? 'Su nueva cita será' : /visita/u.test(what) ? 'La nueva visita será' : 'La nueva fecha es';
      return `${noun} el ${when}.`;
    }
  }

  const sentences = typed.split(/(?<=[^\d\s.]{2}[.!?])\s+(?=\p{L})/u);
  const out: string[] = [];
  for (const s of sentences) {
    const end = /[.!?]$/u.exec(s)?.[0] ?? '';
    const body = end ? s.slice(0, -1) : s;
    const parts = pieces(body);
    const said = parts.map((p, k) => (continues(parts, k) ? undefined : pieceToClause(p, role, parts.length === 1 || role === 'remedy', parts.length === 1, body)))
      .map((x, k) => (x !== undefined && x.replace(/\.$/u, '').toLowerCase() === parts[k]!.trim().replace(/\.$/u, '').toLowerCase() ? undefined : x));
    if (said.every((x) => x === undefined)) {
      // "salió esta mañana, llega el jueves": one subject, two verbs, joined with "y".
      out.push(cap(parts.length === 2 && FINITE.test(parts[0]!) ? s.replace(/,\s+(?=(?:llega|llegará|sale|saldrá|estará)\s)/u, ' y ') : s));
      continue;
    }
    let sentence = '';
    for (let i = 0; i < parts.length; i++) {
      const made = said[i];
      const part = parts[i]!.trim();
      if (made !== undefined) sentence += i === 0 ? cap(made) : `. ${cap(made)}`;
      // "…el 25 de noviembre, llega en 3-5 días": a verb with no subject goes on with "y".
      else if (i > 0 && said[i - 1] !== undefined && /^(?:llega|llegará|sale|saldrá|estará|tarda|se\s|no se\s|no había|no hubo)/u.test(part)) sentence += ` y ${part}`;
      // "…se hizo" + "lo verá en 3 días": a clause of its own.
      else if (i > 0 && said[i - 1] !== undefined && /^(?:lo|la|los|las|le|les)\s+\p{L}+(?:á|án|ó|a|e|an|en)(?![\p{L}])/u.test(part)) sentence += `. ${cap(part)}`;
      else sentence += i === 0 ? part : `, ${part}`;
    }
    out.push(`${cap(sentence)}${end || '.'}`);
  }
  // The field opens as typed (lower case after "Lo que pasó :" or "Ce qui s’est passé :"); the letter sets the capital where a sentence starts.
  const said = startNumbers(out.join(' '))
    // i18n14: "…, no avisamos a tiempo": the second clause goes on with "y" and its object ("y no le avisamos a tiempo").
    .replace(/,\s+no (avisamos|informamos|llamamos|contactamos)(?=\s|[.]|$)/gu, (m, v: string) => (role === 'commitment' ? m : ` y no le ${v}`))
    // i18n14: "el portal se cayó 2 días": how long it was down.
    .replace(/(?<![\p{L}])se cayó (?:durante )?(\d+|dos|tres|cuatro|cinco|varias|unas)\s+(horas|días|minutos|semanas)/gu, 'estuvo fuera de servicio durante $1 $2');
  return /^\p{Ll}/u.test(text.trim()) ? said[0]!.toLowerCase() + said.slice(1) : said;
}

function pieces(sentence: string): string[] {
  return commaPieces(sentence, '(«', ')»');
}

const SMALL = ['dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'];
/** A sentence does not open with a figure: "2 tailles ont été…" → "Deux tailles ont été…" (two to twelve). */
function startNumbers(text: string): string {
  return figuresAsWords(text, SMALL);
}
