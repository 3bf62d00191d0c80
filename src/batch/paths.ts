import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** A file a run reads or writes, and the flag that named it. */
export interface NamedPath {
  flag: string;
  path: string | undefined;
}

interface Identity {
  /** The path with every symlink resolved (of its folder, when it does not exist yet). */
  real: string;
  dev?: number;
  ino?: number;
  /** A device (/dev/null) or a pipe: any number of flags may name one. */
  special: boolean;
}

function identity(path: string): Identity {
  try {
    const st = statSync(path);
    return { real: realpathSync(path), dev: st.dev, ino: st.ino, special: !st.isFile() && !st.isDirectory() };
  } catch {
    try {
      return { real: join(realpathSync(dirname(path)), basename(path)), special: false };
    } catch {
      return { real: resolve(path), special: false };
    }
  }
}

function same(a: Identity, b: Identity): boolean {
  if (a.special || b.special) return false;
  if (a.ino !== undefined && a.dev === b.dev && a.ino === b.ino) return true; // hard links too
  return a.real === b.real;
}

/**
 * Refuses (exit 2, before anything is read or written) a run whose input,
 * --out, --rejects and --journal are not four different files: writing one
 * would destroy another (`--rejects orders.csv` truncates the input). Files
 * are compared by what they are, not how they are spelled: `./x` and `x`, a
 * symlink and its target, two hard links.
 */
export function checkDistinctPaths(paths: NamedPath[]): void {
  const known: { flag: string; path: string; id: Identity }[] = [];
  for (const { flag, path } of paths) {
    if (!path) continue;
    const id = identity(path);
    const clash = known.find((k) => same(k.id, id));
    if (clash) {
      const what = clash.flag === 'input' ? 'the input file' : `the ${clash.flag} file`;
      throw new UsageError(`${flag} ${path} is ${what}${clash.path === path ? '' : ` (${clash.path})`}: writing it would destroy it`, `choose another path for ${flag}`);
    }
    known.push({ flag, path, id });
  }
}
