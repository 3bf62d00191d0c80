// The second half of a split grouping pre-pass (recipients/prescan-file.ts):
// scans bytes [start, end) of the file, which start at a record, and sends
// back what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { readFileChunks } from './read.js';
import { Prescan } from './prescan.js';

const { path, start, end, delimiter, emailIdx } = workerData as { path: string; start: number; end: number; delimiter: string; emailIdx: number };
const scan = new Prescan(delimiter, emailIdx, false);
for await (const buf of readFileChunks(path, start, end)) scan.push(buf);
scan.end();
const data = scan.toData();
parentPort!.postMessage(data, [data.closed.hi.buffer, data.closed.lo.buffer, data.scattered.hi.buffer, data.scattered.lo.buffer] as ArrayBuffer[]);
