import { describe, expect, it } from 'vitest';
import { decideHumour } from '../../src/compose/humour.js';
import { UsageError } from '../../src/errors.js';
import { mergeLayers } from '../../src/incident/load.js';
import type { IncidentInput } from '../../src/incident/schema.js';
import { incidentId, missingFields, validateIncident } from '../../src/incident/validate.js';
import { complete } from '../helpers/incident.js';


describe('validateIncident', () => {
  it('fills defaults', () => {
    const i = validateIncident(complete);
    expect(i).toMatchObject({ scenario: 'generic', severity: 'moderate', humour: 'auto', remedy: { kind: 'none' } });
  });

  it('names every missing flag at once', () => {
    expect(() => validateIncident({ company: { name: 'Acme' } }, { requireFrom: true })).toThrow(
      /--signer .*--mistake .*--affected .*--root-cause .*--commitment .*--from/,
    );
    expect(missingFields({ ...complete, mistake: '  ' }).map((f) => f.flag)).toEqual(['--mistake']);
  });

  it.each([
    [{ affected: '13,482' }, null, 13482],
    [{ affected: 'lots' }, /affected must be a whole number/, null],
    [{ affected: 0 }, /at least 1/, null],
    [{ affected: 2.5 }, /whole number/, null],
    [{ severity: 'catastrophic' }, /severity must be one of minor, moderate, major, critical \(--severity\)/, null],
    [{ remedy: { kind: 'hug' } }, /remedy.kind must be one of/, null],
    [{ humour: 'maybe' }, /humour must be auto, on or off/, null],
    [{ followUp: { after: 'soon' } }, /duration like 2d/, null],
    [{ company: { name: 'Acme', from: 'care@acme.example\r\nBcc: eve@evil.example' } }, /company.from .* not one valid address/, null],
    [{ company: { name: 'Acme\nBcc: eve@evil.example', from: 'a@acme.example' } }, /company.name contains a line break/, null],
    [{ company: { name: 'Acme', from: 'a@acme.example', replyTo: 'a@x.com, b@y.com' } }, /company.replyTo/, null],
  ] as const)('%j', (patch, error, affected) => {
    const input = { ...complete, ...patch } as IncidentInput;
    if (error) expect(() => validateIncident(input)).toThrow(error);
    else expect(validateIncident(input).affected).toBe(affected);
  });

  it('gives a stable id that ignores key order', () => {
    const a = validateIncident(complete);
    const b = validateIncident(Object.fromEntries(Object.entries(complete).reverse()) as IncidentInput);
    expect(incidentId(a)).toBe(incidentId(b));
    expect(incidentId(a)).toMatch(/^[0-9a-f]{12}$/);
    expect(incidentId(validateIncident({ ...complete, mistake: 'another' }))).not.toBe(incidentId(a));
    expect(incidentId(validateIncident({ ...complete, id: 'INC-42' }))).toBe('INC-42');
  });
});

describe('layers: flags > incident file > config > defaults', () => {
  it('merges field by field and ignores blanks', () => {
    const merged = mergeLayers(
      { company: { name: 'Config Co', phone: '555' }, severity: 'minor' },
      { company: { name: 'File Co' }, mistake: 'from file' },
      { company: { from: 'x@y.example' }, mistake: '', severity: 'major' },
    );
    expect(merged).toEqual({ company: { name: 'File Co', phone: '555', from: 'x@y.example' }, severity: 'major', mistake: 'from file' });
  });
});

describe('humour follows severity', () => {
  const at = (severity: string, humour: string, scenario = 'generic') => validateIncident({ ...complete, severity, humour, scenario });
  it.each([
    ['minor', 'auto', true],
    ['moderate', 'auto', true],
    ['major', 'auto', false],
    ['critical', 'auto', false],
    ['minor', 'off', false],
    ['critical', 'off', false],
    ['moderate', 'on', true],
  ])('%s + %s → %s', (severity, humour, on) => expect(decideHumour(at(severity, humour)).on).toBe(on));

  it('warns on major, refuses on critical and on data exposure', () => {
    expect(decideHumour(at('major', 'on'))).toMatchObject({ on: true, warning: expect.stringMatching(/flippant/) });
    expect(() => decideHumour(at('critical', 'on'))).toThrow(UsageError);
    expect(() => decideHumour(at('minor', 'on', 'data-exposure'))).toThrow(/data-exposure/);
    expect(decideHumour(at('minor', 'auto', 'data-exposure')).on).toBe(false);
  });

  it('tells no joke about grief, health or a wedding, whatever the severity', () => {
    const sensitive = (mistake: string, humour = 'auto') => validateIncident({ ...complete, severity: 'minor', humour, mistake });
    expect(decideHumour(sensitive('we sent the wrong sympathy flowers')).on).toBe(false);
    expect(decideHumour(sensitive('your wedding cake arrived late')).on).toBe(false);
    expect(decideHumour(sensitive('your test results went to another patient', 'on'))).toMatchObject({ on: false, warning: expect.stringMatching(/health, grief/) });
    expect(decideHumour(sensitive('your parcel arrived late')).on).toBe(true);
  });
});
