import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder of built-in templates, found from this file whether run from src/ or dist/. */
export function builtinTemplatesDir(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'partials')) && existsSync(join(dir, 'package.json'))) {
      cached = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('built-in templates folder not found next to the package');
}
