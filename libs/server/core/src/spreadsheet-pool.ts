import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { readSpreadsheetTask, refusalFromDirectory, SpreadsheetReading, SpreadsheetTask } from './spreadsheet-reader';

/** The compiled worker beside this file: present in the built server (dist/server), absent when running from TypeScript. */
const WORKER_FILE = join(__dirname, 'spreadsheet.worker.js');
/** A reading that takes longer than this is stopped by ending its thread. */
const READ_TIMEOUT_MS = 60_000;

export type SpreadsheetReadingMode = 'worker' | 'in-process';

let pool: Piscina | undefined;

/**
 * Where uploads are parsed. Jest runs the TypeScript sources and a worker thread would not
 * be transformed, so there the reader runs in-process; the built server always uses the pool.
 */
export const spreadsheetReadingMode = (): SpreadsheetReadingMode => (existsSync(WORKER_FILE) ? 'worker' : 'in-process');

export async function runSpreadsheetTask(task: SpreadsheetTask): Promise<SpreadsheetReading> {
  // A bomb is refused here from its directory, without waking a thread to read it.
  const refusal = refusalFromDirectory(task);
  if (refusal) return refusal;
  if (spreadsheetReadingMode() === 'in-process') return readSpreadsheetTask(task);
  pool ??= new Piscina({
    filename: WORKER_FILE,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
    // A workbook that still manages to balloon kills its thread, not the api.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  try {
    return await pool.run(task, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  } catch (error) {
    const code = (error as { code?: string; name?: string }).code ?? (error as { name?: string }).name;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY')
      return { ok: false, refusal: 'inflated_size', message: 'the file needs more memory than an import may use' };
    if (code === 'AbortError' || code === 'TimeoutError' || code === 'ABORT_ERR')
      return { ok: false, refusal: 'unreadable', message: 'the file took too long to read' };
    throw error;
  }
}

/** Readings done by worker threads so far, and threads alive now. */
export function spreadsheetPoolStats(): { mode: SpreadsheetReadingMode; completed: number; threads: number } {
  return { mode: spreadsheetReadingMode(), completed: pool?.completed ?? 0, threads: pool?.threads.length ?? 0 };
}

export async function closeSpreadsheetPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
