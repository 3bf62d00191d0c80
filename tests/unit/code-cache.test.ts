// The code cache the bin loads the CLI with (src/code-cache.ts): only ever a speed-up. A
// cache made for another text, damaged, cut short or missing is not given to V8 (V8 itself
// checks neither the bytes, where a flipped byte can crash the process, nor the text beyond
// its length), and the script then compiles from its text and runs the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheNameFor } from '../../src/cli/code-cache.js';
import { cacheFile, cachedDataFor, loadScript } from '../../src/code-cache.js';
import { tempDir } from '../helpers/run.js';

/** A script in the shape the build writes dist/app.cjs, with functions worth caching. */
function script(answer: string): string {
  const fns = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x.split('').reverse().join('') + ${i}; }`).join('\n');
  return `(function (exports, require, module, __filename, __dirname, __apologizeUrl) {"use strict";
${fns}
module.exports = { answer: () => ${JSON.stringify(answer)}, sum: () => [${Array.from({ length: 200 }, (_, i) => `f${i}('ab')`).join(', ')}].join(''), url: __apologizeUrl, sep: require('node:path').sep };
})`;
}

/**
 * The script written to <dir>/app.cjs and its cache, trained from a copy under another name (V8
 * reuses what this process compiled under the same name and text, and would not read the cache).
 */
function trained(dir: string, text: string): { file: URL; cache: URL } {
  const file = pathToFileURL(join(dir, 'app.cjs'));
  const cache = pathToFileURL(join(dir, 'app.cache'));
  const copy = pathToFileURL(join(dir, 'training.cjs'));
  writeFileSync(file, text);
  writeFileSync(copy, text);
  const first = loadScript<{ sum: () => string }>(copy);
  first.exports.sum(); // compiled, so in the cache
  writeFileSync(cache, cacheFile(readFileSync(file), first.script.createCachedData()));
  return { file, cache };
}

describe('code cache', () => {
  it('a cache made for the script is taken, and the script runs with its require and URL', () => {
    const dir = tempDir();
    const { file, cache } = trained(dir, script('one'));
    const loaded = loadScript<{ answer: () => string; url: string; sep: string; sum: () => string }>(file, cache);
    expect(loaded.cached).toBe(true);
    expect(loaded.exports.answer()).toBe('one');
    expect(loaded.exports.url).toBe(file.href);
    expect(loaded.exports.sep).toBe('/');
  });

  it('a cache made for another text of the same length is not used: the script runs its own text', () => {
    const dir = tempDir();
    const { file, cache } = trained(dir, script('one'));
    writeFileSync(file, script('two')); // same length: V8 alone would take the old cache and answer 'one'
    const loaded = loadScript<{ answer: () => string }>(file, cache);
    expect(loaded.cached).toBe(false);
    expect(loaded.exports.answer()).toBe('two');
  });

  it('a damaged, cut or empty cache, or none, is not used and the script runs the same', () => {
    const dir = tempDir();
    const { cache } = trained(dir, script('one'));
    const good = readFileSync(cache);
    const expected = loadScript<{ sum: () => string }>(pathToFileURL(join(dir, 'training.cjs'))).exports.sum();
    const flipped = Buffer.from(good);
    for (const at of [0.3, 0.6, 0.9]) for (let i = 0; i < 32; i++) flipped[Math.floor(flipped.length * at) + i]! ^= 0x5a;
    const variants: [string, Buffer | undefined][] = [
      ['bytes flipped inside', flipped],
      ['cut in half', good.subarray(0, good.length >> 1)],
      ['header only', good.subarray(0, 31)],
      ['empty', Buffer.alloc(0)],
      ['not a cache', Buffer.from('hello, world\n'.repeat(100))],
      ['missing', undefined],
    ];
    for (const [name, bytes] of variants) {
      // The script under a name of its own each time, so that V8 reads what it is given.
      const file = pathToFileURL(join(dir, `${name}.cjs`));
      writeFileSync(file, script('one'));
      const at = pathToFileURL(join(dir, `${name}.cache`));
      if (bytes) writeFileSync(at, bytes);
      const loaded = loadScript<{ sum: () => string }>(file, at);
      expect(loaded.cached, name).toBe(false);
      expect(loaded.exports.sum(), name).toBe(expected);
    }
  });

  it('cachedDataFor checks both checksums', () => {
    const source = Buffer.from('(function () {})');
    const data = Buffer.from('not really V8 data, but checksummed');
    const file = cacheFile(source, data);
    expect(cachedDataFor(source, file)?.equals(data)).toBe(true);
    expect(cachedDataFor(Buffer.from('(function () {;})'), file)).toBeUndefined();
    const damaged = Buffer.from(file);
    damaged[damaged.length - 1]! ^= 1;
    expect(cachedDataFor(source, damaged)).toBeUndefined();
    expect(cachedDataFor(source, undefined)).toBeUndefined();
  });

  it('picks the cache trained for the command (help for help, unknown or no command)', () => {
    expect(cacheNameFor(['batch', 'orders.csv', '--incident', 'i.yaml'])).toBe('batch');
    expect(cacheNameFor(['--debug', 'draft', '--no-input'])).toBe('draft');
    expect(cacheNameFor(['batch', '--help'])).toBe('help');
    expect(cacheNameFor(['check', '-h'])).toBe('help');
    expect(cacheNameFor([])).toBe('help');
    expect(cacheNameFor(['frobnicate'])).toBe('help');
    expect(cacheNameFor(['templates', 'list'])).toBe('templates');
  });
});
