// The built-in templates come compiled from the build (scripts/build.mjs, src/templates/precompile.ts):
// a run uses a build entry only for the exact source it was made from, and compiles anything else.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import Handlebars from 'handlebars';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createComposer } from '../../src/compose/compose.js';
import { BUILTIN_SCENARIOS, SEVERITIES, type IncidentInput } from '../../src/incident/schema.js';
import { validateIncident } from '../../src/incident/validate.js';
import { toRfc5322 } from '../../src/mail/rfc5322.js';
import { recipientFromMailbox } from '../../src/recipients/recipient.js';
import { COMPILE_OPTIONS, parseTemplate, sourceKey } from '../../src/templates/engine.js';
import { TemplateLibrary } from '../../src/templates/library.js';
import { precompiledModules, tableCodeCache, templateSources } from '../../src/templates/precompile.js';
import type { PrecompiledEntry } from '../../src/templates/precompiled.js';
import { GOLDEN_NOW, ROOT, tempDir } from '../helpers/run.js';
import { cachedDataFor } from '../../src/code-cache.js';
import { followUpDay } from '../../src/incident/advice.js';

// The module the build puts in place of src/templates/precompiled.ts, made in beforeAll.
const built = vi.hoisted(() => ({ has: false, entry: (_key: string): PrecompiledEntry | undefined => undefined }));
vi.mock('../../src/templates/precompiled.js', () => ({
  get HAS_PRECOMPILED() {
    return built.has;
  },
  precompiledEntry: (key: string) => built.entry(key),
}));

const TEMPLATES = join(ROOT, 'templates');
/** The index's import of src/code-cache.ts, from the folder a test writes it to. */
const CODE_CACHE = pathToFileURL(join(ROOT, 'src/code-cache.ts')).href;

/** Writes what the build writes (the index module, one CommonJS file per folder) and loads the index. */
async function buildInto(dir: string, templates: string) {
  const { index, files } = precompiledModules(templates, 'precompiled', CODE_CACHE);
  mkdirSync(join(dir, 'precompiled'), { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, 'precompiled', name), text);
  writeFileSync(join(dir, 'index.mjs'), index);
  return { files, mod: (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { HAS_PRECOMPILED: boolean; precompiledEntry: (key: string) => PrecompiledEntry | undefined } };
}

// Handlebars' compiler and parser: a piece that comes from the build needs neither.
const compiler = (Handlebars as unknown as { JavaScriptCompiler: { prototype: { compile: (...args: unknown[]) => unknown } } }).JavaScriptCompiler;
const compiled = vi.spyOn(compiler.prototype, 'compile');
const parsed = vi.spyOn(Handlebars, 'parseWithoutProcessing');
beforeEach(() => {
  compiled.mockClear();
  parsed.mockClear();
});

beforeAll(async () => {
  const { mod } = await buildInto(tempDir('apologize-precompiled-'), TEMPLATES);
  built.has = mod.HAS_PRECOMPILED;
  built.entry = mod.precompiledEntry;
});

const base = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-incident.json'), 'utf8')) as IncidentInput;
const perScenario = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenarios.json'), 'utf8')) as Record<string, IncidentInput>;
const recipient = recipientFromMailbox('zoe.muller@example.com', 'Zoë Müller', { order_id: 'A-1001' });
const render = (library: TemplateLibrary, scenario: string, severity: string, stage: 'apology' | 'followup' = 'apology') => {
  const incident = validateIncident({ ...base, ...perScenario[scenario], scenario, severity }, { requireFrom: true });
  // the golden letters' clock; a follow-up is read on the day its apology promised it
  const now = stage === 'apology' ? new Date(GOLDEN_NOW) : followUpDay(incident, new Date(GOLDEN_NOW))!.date;
  return toRfc5322(createComposer(incident, library, { now, stage })(recipient), '\n');
};

describe('built-in templates compiled at build time', () => {
  it('every scenario, severity and follow-up renders its golden file with no template compiled or parsed at run time', () => {
    const library = new TemplateLibrary();
    for (const scenario of BUILTIN_SCENARIOS) {
      for (const severity of SEVERITIES) expect(render(library, scenario, severity)).toBe(readFileSync(join(ROOT, 'tests/golden', `${scenario}.${severity}.eml`), 'utf8'));
      expect(render(library, scenario, 'moderate', 'followup')).toBe(readFileSync(join(ROOT, 'tests/golden', `${scenario}.followup.eml`), 'utf8'));
    }
    expect(parsed.mock.calls.map((c) => c[0])).toEqual([]);
    expect(compiled).not.toHaveBeenCalled();
  });

  it('every built-in piece has an entry whose tree is what Handlebars.parse gives', () => {
    const sources = templateSources(TEMPLATES);
    expect(sources.length).toBeGreaterThan(30);
    for (const { source } of sources) {
      const entry = built.entry(sourceKey(source));
      expect(entry, source.slice(0, 60)).toBeDefined();
      expect(JSON.parse(entry!.ast)).toEqual(Handlebars.parse(source));
      expect(parseTemplate(source)).toEqual(Handlebars.parse(source));
    }
  });

  it('an edited template or partial is compiled from its own source, never taken from the build', () => {
    const dir = tempDir('apologize-edited-');
    mkdirSync(join(dir, 'partials'));
    const template = readFileSync(join(TEMPLATES, 'generic.hbs'), 'utf8');
    const partial = readFileSync(join(TEMPLATES, 'partials', 'greeting.hbs'), 'utf8');
    // One character changed in each: the build's entries are for the old text only.
    expect(template).toMatch(/\n\n/);
    writeFileSync(join(dir, 'generic.hbs'), template.replace(/\n\n/, '\n\nEDITED-BODY '));
    writeFileSync(join(dir, 'partials', 'closing.hbs'), `${partial}EDITED-PARTIAL\n`);
    const eml = render(new TemplateLibrary(dir), 'generic', 'moderate');
    expect(eml).toContain('EDITED-BODY');
    expect(eml).toContain('EDITED-PARTIAL');
    expect(compiled).toHaveBeenCalled();
    // The untouched built-in pieces still come from the build.
    expect(render(new TemplateLibrary(), 'generic', 'moderate')).toBe(readFileSync(join(ROOT, 'tests/golden/generic.moderate.eml'), 'utf8'));
  });

  it('each template, partials folder and humour file (a locale folder such as de/ too) gets its own file, read only when one of its pieces is compiled', async () => {
    const src = tempDir('apologize-locales-');
    cpSync(TEMPLATES, src, { recursive: true });
    mkdirSync(join(src, 'de', 'partials'), { recursive: true });
    writeFileSync(join(src, 'de', 'generic.hbs'), 'Subject: Entschuldigung, {{incident.company}}\n\nGuten Tag {{> gruss}}\n');
    writeFileSync(join(src, 'de', 'partials', 'gruss.hbs'), 'und auf Wiedersehen\n');
    writeFileSync(join(src, 'de', 'humour.json'), JSON.stringify({ generic: ['Ein Witz über {{incident.company}}'] }));
    copyFileSync(join(TEMPLATES, 'generic.hbs'), join(src, 'de', 'broken.hbs'));
    writeFileSync(join(src, 'de', 'broken.hbs'), 'Subject: {{#if}}\n\n{{/each}}\n'); // a syntax error: left for the run to report
    const out = tempDir('apologize-precompiled-');
    const { files, mod } = await buildInto(out, src);
    // A file per template (with its follow-up), per partials folder, per scenario's humour lines: a run reads its scenario's only.
    const names = [...files.keys()];
    for (const name of ['templates.generic.cjs', 'templates.shipping-delay.cjs', 'templates.partials.cjs', 'templates.humour.generic.cjs', 'templates-de.generic.cjs', 'templates-de.partials.cjs', 'templates-de.humour.generic.cjs']) expect(names).toContain(name);
    const fileOf = (piece: string) => names.find((n) => readFileSync(join(out, 'precompiled', n), 'utf8').includes(JSON.stringify(sourceKey(piece))));
    expect(fileOf('Entschuldigung, {{incident.company}}')).toBe('templates-de.generic.cjs');
    expect(fileOf('Guten Tag {{> gruss}}\n')).toBe('templates-de.generic.cjs');
    expect(fileOf('und auf Wiedersehen\n')).toBe('templates-de.partials.cjs');
    expect(fileOf('Ein Witz über {{incident.company}}')).toBe('templates-de.humour.generic.cjs');
    // A piece the same in a locale folder and the top one goes to the top one's file: an English run never reads de/.
    const shared = readFileSync(join(TEMPLATES, 'partials', 'greeting.hbs'), 'utf8');
    expect(fileOf(shared)).toBe('templates.partials.cjs');
    for (const piece of ['Entschuldigung, {{incident.company}}', 'Guten Tag {{> gruss}}\n', 'und auf Wiedersehen\n', 'Ein Witz über {{incident.company}}']) {
      expect(mod.precompiledEntry(sourceKey(piece))).toBeDefined();
    }
    for (const n of names) expect(readFileSync(join(out, 'precompiled', n), 'utf8')).not.toMatch(/[^\x00-\x7f]/); // eslint-disable-line no-control-regex
    expect(mod.precompiledEntry(sourceKey('{{#if}}'))).toBeUndefined();
    // What the build compiled renders as what the run-time compiler makes of the same source.
    const ahead = Handlebars.create();
    ahead.registerPartial('gruss', ahead.template(mod.precompiledEntry(sourceKey('und auf Wiedersehen\n'))!.spec()));
    const now = Handlebars.create();
    now.registerPartial('gruss', now.compile('und auf Wiedersehen\n', COMPILE_OPTIONS));
    const text = ahead.template(mod.precompiledEntry(sourceKey('Guten Tag {{> gruss}}\n'))!.spec())({});
    expect(text).toContain('Guten Tag und auf Wiedersehen');
    expect(text).toBe(now.compile('Guten Tag {{> gruss}}\n', COMPILE_OPTIONS)({}));
    // Each table's parsed trees are in <group>.ast beside it (ASCII, read by offset when a piece is parsed), not in the table.
    expect(names).toContain('templates.partials.ast');
    expect(names).toContain('templates-de.partials.ast');
    for (const n of names.filter((x) => x.endsWith('.cjs'))) expect(files.get(n)).not.toMatch(/Program/);
    for (const piece of [shared, 'und auf Wiedersehen\n', 'Ein Witz über {{incident.company}}']) {
      expect(JSON.parse(mod.precompiledEntry(sourceKey(piece))!.ast)).toEqual(JSON.parse(JSON.stringify(Handlebars.parse(piece))));
    }
  });

  it("each table is read with V8's code cache the build made for it; a cache V8 cannot use (another Node, a damaged file), one made for another text or a damaged one changes nothing", async () => {
    for (const cache of ['made', 'not a cache', 'flipped', 'stale', 'none'] as const) {
      // Texts of their own for each case (V8 keeps what a process compiled: a text compiled before would not read the cache).
      const partial = `and goodbye (${cache})\n`;
      const body = `Hello {{> hi}} (${cache})\n`;
      const src = tempDir('apologize-cache-src-');
      mkdirSync(join(src, 'partials'), { recursive: true });
      writeFileSync(join(src, 'generic.hbs'), `Subject: Sorry, {{incident.company}}\n\n${body}`);
      writeFileSync(join(src, 'partials', 'hi.hbs'), partial);
      const want = Handlebars.create();
      want.registerPartial('hi', want.compile(partial, COMPILE_OPTIONS));
      const expected = want.compile(body, COMPILE_OPTIONS)({});
      const out = tempDir('apologize-cache-');
      const { index, files } = precompiledModules(src, 'precompiled', CODE_CACHE);
      mkdirSync(join(out, 'precompiled'), { recursive: true });
      for (const [name, text] of files) writeFileSync(join(out, 'precompiled', name), text);
      // Each table (its parsed trees, <group>.ast, are data: no cache).
      for (const [name, text] of [...files].filter(([n]) => n.endsWith('.cjs'))) {
        const file = join(out, 'precompiled', name);
        // (Compiled here under other names: V8 reuses what this process compiled under the same name and text, and would not read the cache.)
        const made = tableCodeCache(text, `${file}.build`);
        // What the build writes holds a cache V8 takes for the text as the index wraps it.
        const data = cachedDataFor(Buffer.from(text, 'latin1'), made)!;
        expect(new Script(`(function (exports) {${text}\n})`, { filename: `${file}.check`, cachedData: data }).cachedDataRejected).toBe(false);
        // Stale: made for a text of the same length in which a template says something else.
        const other = text.replace(/goodbye/g, 'GOODBYE').replace(/Hello /g, 'HELLO ');
        expect(other.length).toBe(text.length);
        const flipped = Buffer.from(made);
        for (const at of [0.3, 0.6, 0.9]) for (let i = 0; i < 16; i++) flipped[Math.floor(flipped.length * at) + i]! ^= 0x5a;
        const written = { made, 'not a cache': Buffer.from('not a code cache'), flipped, stale: tableCodeCache(other, `${file}.build`), none: undefined }[cache];
        if (written) writeFileSync(file.replace(/\.cjs$/, '.cache'), written);
      }
      writeFileSync(join(out, 'index.mjs'), index);
      const mod = (await import(pathToFileURL(join(out, 'index.mjs')).href)) as { precompiledEntry: (key: string) => PrecompiledEntry | undefined };
      const ahead = Handlebars.create();
      ahead.registerPartial('hi', ahead.template(mod.precompiledEntry(sourceKey(partial))!.spec()));
      expect(ahead.template(mod.precompiledEntry(sourceKey(body))!.spec())({}), cache).toBe(expected);
      expect(JSON.parse(mod.precompiledEntry(sourceKey(partial))!.ast), cache).toEqual(JSON.parse(JSON.stringify(Handlebars.parse(partial))));
    }
  });
});
