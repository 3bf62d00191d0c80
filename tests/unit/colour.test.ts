// stderr's colour: chalk on a terminal; the text as it is otherwise (chalk not needed then).
import { describe, expect, it } from 'vitest';
import { stderrColour } from '../../src/cli/colour.js';
import type { IO } from '../../src/cli/io.js';

const io = (isTTY: boolean, env: Record<string, string> = {}) => ({ stderr: { isTTY }, env }) as unknown as IO;

describe('stderrColour', () => {
  it('returns every style, chained or not, as the text itself when stderr is no terminal', () => {
    const c = stderrColour(io(false));
    expect(c.level).toBe(0);
    expect(c.yellow('warning: x')).toBe('warning: x');
    expect(c.bold.red('a')).toBe('a');
    expect(c.dim.green.bold('b', 'c')).toBe('b c');
    expect(`${c.blue('1')}${c.bold('')}`).toBe('1');
  });

  it('colours on a terminal, and not with NO_COLOR or in CI', () => {
    expect(stderrColour(io(true)).yellow('w')).toBe('\u001b[33mw\u001b[39m');
    expect(stderrColour(io(true)).bold.red('w')).toBe('\u001b[1m\u001b[31mw\u001b[39m\u001b[22m');
    expect(stderrColour(io(true, { NO_COLOR: '1' })).yellow('w')).toBe('w');
    expect(stderrColour(io(true, { CI: 'true' })).red('w')).toBe('w');
  });
});
