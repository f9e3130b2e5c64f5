// A worker thread of the parallel settlement scan (parallel.ts): scans one byte range of the file and
// sends back its rows, line count, problems, cells (typed arrays, moved not copied) and spilled scopes.
import { parentPort } from 'node:worker_threads';
import { scanSettlements } from './scan';
import { KeySpill } from './keys';
import { toTransfer, type WorkerMessage, type WorkerTask } from './parallel';

const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

// Started ahead of time (parallel.ts prewarmScanWorkers), the worker waits for its range.
parentPort!.once('message', (task: WorkerTask) => void scan(task));

async function scan(task: WorkerTask) {
  const spill = task.spillDir ? new KeySpill(8192, task.spillDir) : null;
  try {
    const r = await scanSettlements(task.file, {
      ref: task.ref, parseOnly: task.parseOnly, spill, skip: task.skip, encoding: task.encoding, maxProblems: task.maxProblems,
      chunkBytes: task.chunkBytes, range: task.range,
      onProgress: (bytes, rows) => post({ type: 'progress', bytes, rows }),
    });
    spill?.finish();
    const cells = toTransfer(r.cells);
    post(
      { type: 'done', rows: r.rows, lines: r.lastLine - task.range.lineBase, slowLines: r.slowLines, problems: r.problems.snapshot(), scopes: spill?.scopes() ?? [], cells },
      Object.values(cells).map((a: Float64Array | Int32Array) => a.buffer as ArrayBuffer),
    );
  } catch (e) {
    try { spill?.finish(); } catch { /* closing what is open; the main thread removes the directory */ }
    const err = e as Error & { line?: number; name?: string };
    post({ type: 'error', message: err.message ?? String(e), tooLongLine: err.name === 'FileFormatError' ? err.line : undefined });
  }
}
