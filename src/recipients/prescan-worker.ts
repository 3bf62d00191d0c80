// The bundled CLI's one worker script (dist/prescan-worker.js), for two jobs:
// - the second half of a split grouping pre-pass (recipients/prescan-file.ts):
//   scans bytes [start, end) of the file, which start at a record, and sends
//   back what it found;
// - `kind: 'parse'`: a batch's main pass reads its CSV here (parse-ahead.ts),
//   loaded only then (the pre-pass stays small).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileChunks } from './read.js';
import { Prescan } from './prescan.js';
import { Utf8Check } from './utf8-check.js';

if ((workerData as { kind?: string }).kind === 'parse') {
  const { runParseWorker } = await import('./parse-ahead.js');
  const { job, counters } = workerData as { job: Parameters<typeof runParseWorker>[0]; counters: Int32Array };
  await runParseWorker(job, parentPort!, counters);
} else {
  // `fd` is the main thread's descriptor (threads share them); with checkUtf8
  // the bytes are checked for UTF-8 too (the range starts after a line break).
  const { fd, start, end, delimiter, emailIdx, checkUtf8 } = workerData as { fd: number; start: number; end: number; delimiter: string; emailIdx: number; checkUtf8: boolean };
  const scan = new Prescan(delimiter, emailIdx, false);
  const utf8 = checkUtf8 ? new Utf8Check() : undefined;
  for await (const buf of readFileChunks(fd, start, end)) {
    if (utf8?.ok) utf8.push(buf);
    scan.push(buf);
  }
  scan.end();
  const data = { ...scan.toData(), utf8: utf8 ? utf8.end() : true };
  parentPort!.postMessage(data, [data.closed.hi.buffer, data.closed.lo.buffer, data.scattered.hi.buffer, data.scattered.lo.buffer] as ArrayBuffer[]);
}
