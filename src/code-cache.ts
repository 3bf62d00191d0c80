// Scripts run with V8's code cache: the CLI (dist/app.cjs, every command in one script; the build
// trains a cache per command, dist/app.<command>.cache, by running it once in a fresh process) and
// the tables of precompiled templates (dist/precompiled/*.cjs). Node 20 caches no compiled code
// for ES modules, and compiling was most of a small run's time. A cache is only ever a speed-up:
// one that is missing, stale (made for another text), corrupt or made by another Node is not
// used, and the script compiles from its text as it would anyway.
//
// Built-in modules are reached through process.getBuiltinModule when first needed: the bin
// imports this file before it knows the run is more than `--version`.
import type { Script } from 'node:vm';

/** The start of a cache file, then the CRC-32 of the script file's bytes and of V8's data (little-endian). */
const MAGIC = 'apologize-code-cache 1\n';
const HEADER = MAGIC.length + 8;

/** A cache file's bytes: V8's data for a script whose text is `source` (its file's bytes). */
export function cacheFile(source: Uint8Array, data: Uint8Array): Buffer {
  const { crc32 } = process.getBuiltinModule('node:zlib');
  const out = Buffer.alloc(HEADER + data.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(crc32(source), MAGIC.length);
  out.writeUInt32LE(crc32(data), MAGIC.length + 4);
  out.set(data, HEADER);
  return out;
}

/**
 * V8's data in a cache file, or undefined when the file is not one made for exactly this
 * source. V8 checks its own version and flags but not the bytes (a flipped byte can crash
 * the process), nor the text beyond its length: both checksums are checked here.
 */
export function cachedDataFor(source: Uint8Array, file: Uint8Array | undefined): Buffer | undefined {
  if (!file || file.length <= HEADER) return undefined;
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.length);
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const { crc32 } = process.getBuiltinModule('node:zlib');
  const data = bytes.subarray(HEADER);
  if (bytes.readUInt32LE(MAGIC.length) !== crc32(source) || bytes.readUInt32LE(MAGIC.length + 4) !== crc32(data)) return undefined;
  return data;
}

export interface LoadedScript<T> {
  exports: T;
  script: Script;
  /** Whether V8 took the cache (false: none given, or V8 rejected it and compiled the text). */
  cached: boolean;
}

/**
 * Runs a script file written as `(function (exports, require, module, __filename, __dirname,
 * __apologizeUrl) { … })` (the build writes dist/app.cjs so: its text is the file's UTF-8
 * bytes) and returns its module.exports. `cache`: a cache file made by cacheFile() for it.
 */
export function loadScript<T>(file: URL, cache?: URL): LoadedScript<T> {
  const { readFileSync } = process.getBuiltinModule('node:fs');
  const { Script } = process.getBuiltinModule('node:vm');
  const { createRequire } = process.getBuiltinModule('node:module');
  const { dirname } = process.getBuiltinModule('node:path');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const path = fileURLToPath(file);
  const bytes = readFileSync(path);
  let cachedData: Buffer | undefined;
  if (cache) {
    let stored: Buffer | undefined;
    try {
      stored = readFileSync(cache);
    } catch {
      // (no cache: compiled from the text)
    }
    cachedData = cachedDataFor(bytes, stored);
  }
  // An ASCII file (the build writes dist/app.cjs so) is copied into a one-byte string; any other is decoded as UTF-8.
  const { isAscii } = process.getBuiltinModule('node:buffer');
  const script = new Script(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), { filename: path, cachedData });
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string, url: string) => void;
  const module = { exports: {} };
  wrapper(module.exports, createRequire(file), module, path, dirname(path), file.href);
  return { exports: module.exports as T, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}
