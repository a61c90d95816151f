import { IMPORT_PROBLEMS } from '@cascade/contracts';
import { DomainError } from './errors';
import { runSpreadsheetTask } from './spreadsheet-pool';
import { Spreadsheet, SpreadsheetKind } from './spreadsheet-reader';

export type { Spreadsheet, SpreadsheetKind, SpreadsheetReading, SpreadsheetTask } from './spreadsheet-reader';
// The reader itself, as the worker runs it, and the zip directory it checks first.
export { readSpreadsheetTask } from './spreadsheet-reader';
export { readZipDirectory, type ZipEntry } from './zip-archive';
export { closeSpreadsheetPool, spreadsheetPoolStats, spreadsheetReadingMode } from './spreadsheet-pool';

/** What an XLSX may unpack to, summed from its central directory: far above any real import, far below a bomb. */
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

/** A file that is not the spreadsheet it claims to be; the message is fit for the row list of a 422. */
export class SpreadsheetUnreadable extends Error {}

/**
 * The first sheet of an upload as text cells, for every import (users, questions). Read in a
 * worker thread; a file past `maxRows` data rows, or an XLSX declaring more than
 * MAX_INFLATED_BYTES, is refused before it is read in full.
 */
export async function readSpreadsheet(
  file: Buffer,
  kind: SpreadsheetKind,
  limits: { maxRows: number },
): Promise<Spreadsheet> {
  const reading = await runSpreadsheetTask({
    file,
    kind,
    maxRows: limits.maxRows,
    maxInflatedBytes: MAX_INFLATED_BYTES,
  });
  if (reading.ok) return reading.sheet;
  if (reading.refusal === 'unreadable') throw new SpreadsheetUnreadable(reading.message);
  const code = reading.refusal === 'rows' ? 'IMPORT_TOO_MANY_ROWS' : 'IMPORT_FILE_TOO_LARGE';
  throw new DomainError(code, IMPORT_PROBLEMS[code], `file: ${reading.message}`, { limit: limitOf(code, limits) }, [
    { field: 'file', message: reading.message },
  ]);
}

const limitOf = (code: 'IMPORT_TOO_MANY_ROWS' | 'IMPORT_FILE_TOO_LARGE', limits: { maxRows: number }) =>
  code === 'IMPORT_TOO_MANY_ROWS' ? { rows: limits.maxRows } : { inflatedBytes: MAX_INFLATED_BYTES };

/**
 * The rows of an import one by one, handing the event loop back every `size` rows: checking
 * thousands of rows is CPU work that would otherwise hold up every other request.
 */
export async function* inSlices<T>(items: readonly T[], size = 25): AsyncGenerator<T> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % size === 0) await new Promise((resolve) => setImmediate(resolve));
    yield items[i];
  }
}
