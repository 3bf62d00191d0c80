import type { Message } from '../message.js';
import type { Sink } from '../mail/sinks.js';
import { safeForTerminal, type IO } from './io.js';
import { stderrColour } from './colour.js';

/** `--preview N`: readable, colourised messages on stderr; nothing written anywhere. */
export class PreviewSink implements Sink {
  written = 0;
  failed = 0;
  readonly target = 'preview';
  constructor(private readonly io: IO) {}

  /** Resolves once stderr has taken the message, so a reader that left (2>&1 | head) stops the run at the next row. */
  write(msg: Message, seq: number): Promise<void> | void {
    if (this.io.streams?.stderr.closed) return; // the reader left: the run stops quietly
    const c = stderrColour(this.io);
    const to = msg.to ? (msg.to.name ? `${msg.to.name} <${msg.to.address}>` : msg.to.address) : '(nobody)';
    const lines = [
      c.dim(`── message ${seq} ${'─'.repeat(50)}`),
      `${c.bold('To:')} ${safeForTerminal(to)}`,
      `${c.bold('Subject:')} ${safeForTerminal(msg.subject)}`,
      `${c.bold('Message-ID:')} <${msg.messageId}>`,
      '',
      safeForTerminal(msg.text).trimEnd(),
      '',
    ];
    this.written++;
    return new Promise((resolve) => {
      this.io.stderr.write(`${lines.join('\n')}\n`, () => resolve());
    });
  }

  async close(): Promise<void> {}
  async abort(): Promise<void> {}
}
