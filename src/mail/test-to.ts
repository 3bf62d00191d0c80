import type { Mailbox, Message } from '../message.js';
import type { Sink } from './sinks.js';

/**
 * `--test-to ADDR`: the message a customer would get, addressed to ADDR, its Subject prefixed
 * `[TEST]`. Its Message-ID is the real one with a `test-<run time>.` prefix, so a mailbox that
 * hides repeated Message-IDs (Gmail) shows every test run, and no test can stand in for the
 * real message. The copy drops the cached shape (its header bytes hold the real Subject).
 */
export function testMessage(msg: Message, to: Mailbox): Message {
  return {
    from: msg.from,
    to,
    replyTo: msg.replyTo,
    subject: `[TEST] ${msg.subject}`,
    headers: msg.headers,
    text: msg.text,
    messageId: `test-${msg.date.getTime().toString(36)}.${msg.messageId}`,
    inReplyTo: msg.inReplyTo,
    date: msg.date,
    key: msg.key,
    stage: msg.stage,
    bodyFacts: msg.bodyFacts,
    html: msg.html,
  };
}

/** Makes a sink write test messages to `to` instead of the real ones (the sink itself, same class). */
export function sendingTestsTo<S extends Sink>(sink: S, to: Mailbox): S {
  const write = sink.write.bind(sink);
  sink.write = (msg, seq, rows) => write(testMessage(msg, to), seq, rows);
  return sink;
}
