import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { readZipDirectory, rewriteZip, ZipEntry, ZipTooLarge, ZipUnreadable } from './zip-archive';

export type SpreadsheetKind = 'csv' | 'xlsx';

export interface Spreadsheet {
  headers: string[];
  /** Blank rows left out; `row` is the spreadsheet's own row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/** What a reading is given; plain data, so that it crosses into a worker thread as it is. */
export interface SpreadsheetTask {
  file: Uint8Array;
  kind: SpreadsheetKind;
  /** Data rows (blank ones not counted) past which the file is refused rather than half read. */
  maxRows: number;
  /** Sum of the uncompressed sizes an XLSX declares, checked before anything is inflated. */
  maxInflatedBytes: number;
}

export type SpreadsheetRefusal = 'unreadable' | 'inflated_size' | 'rows';

export type SpreadsheetReading =
  { ok: true; sheet: Spreadsheet } | { ok: false; refusal: SpreadsheetRefusal; message: string };

/** Stops a reading from inside the row loops; turned into a refusal at the top. */
class Refused extends Error {
  constructor(
    readonly refusal: SpreadsheetRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The first sheet of an upload as text cells, read within the task's limits. */
export async function readSpreadsheetTask(task: SpreadsheetTask): Promise<SpreadsheetReading> {
  const file = Buffer.from(task.file.buffer, task.file.byteOffset, task.file.byteLength);
  const table = new SheetTable(task.maxRows);
  try {
    if (task.kind === 'csv') await readCsv(file, table);
    else await readXlsx(file, task.maxInflatedBytes, table);
    return { ok: true, sheet: table.sheet() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal, message: error.message };
    throw error;
  }
}

/** Collects rows and refuses the file at the first row past the limit. */
class SheetTable {
  private headers: string[] = [];
  private readonly rows: { row: number; cells: string[] }[] = [];
  private read = 0;

  constructor(private readonly maxRows: number) {}

  add(rowNumber: number, cells: string[]): void {
    this.read += 1;
    if (rowNumber === 1) {
      this.headers = cells;
      return;
    }
    if (cells.some((c) => c.trim() !== '')) this.rows.push({ row: rowNumber, cells });
    // Blank rows count against a looser ceiling, so a sheet of empty rows cannot run on either.
    if (this.rows.length > this.maxRows || this.read > 2 * this.maxRows + 1)
      throw new Refused('rows', `at most ${this.maxRows} rows per file`);
  }

  sheet(): Spreadsheet {
    return { headers: this.headers, rows: this.rows };
  }
}

async function readCsv(file: Buffer, table: SheetTable): Promise<void> {
  const parser = parseCsv({ relax_column_count: true, skip_empty_lines: false, trim: true });
  parser.end(decodeText(file));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) table.add(++rowNumber, record);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused('unreadable', `not a readable CSV file: ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
}

/** UTF-8 (with or without BOM), else GB18030, which is what Excel on Chinese Windows saves CSV as. */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** The parts the streaming reader needs before any sheet, so that it never spools a sheet to disk. */
const READ_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

function streamingRank(name: string): number {
  const first = READ_FIRST.indexOf(name);
  if (first >= 0) return first;
  const sheet = SHEET_ENTRY.exec(name);
  return sheet ? 1000 + Number(sheet[1]) : 100;
}

async function readXlsx(file: Buffer, maxInflatedBytes: number, table: SheetTable): Promise<void> {
  const streamable = await streamableWorkbook(file, maxInflatedBytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([streamable]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const worksheet of reader) {
      // The first sheet in the workbook's own order, as the template puts the questions there.
      const first = (reader as unknown as { model?: { sheets?: { id: number }[] } }).model?.sheets?.[0];
      // exceljs sets `id` on each worksheet reader but leaves it out of its types.
      const id = (worksheet as unknown as { id: number | string }).id;
      if (found || (first && Number(id) !== Number(first.id))) continue;
      found = true;
      let rowNumber = 0;
      for await (const row of worksheet) {
        // A row may leave out its number (`r` is optional); it then follows the one before.
        rowNumber = Number.isInteger(row.number) && row.number > rowNumber ? row.number : rowNumber + 1;
        table.add(rowNumber, (row.values as ExcelJS.CellValue[]).slice(1).map(cellText));
      }
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused('unreadable', 'not a readable XLSX file');
  }
  if (!found) throw new Refused('unreadable', 'the workbook has no sheet');
}

/**
 * The refusal an XLSX earns from its central directory alone (no inflating, a few microseconds),
 * or null when its declared sizes pass; cheap enough to run before handing the file to a thread.
 */
export function refusalFromDirectory(task: SpreadsheetTask): SpreadsheetReading | null {
  if (task.kind !== 'xlsx') return null;
  try {
    checkedDirectory(Buffer.from(task.file.buffer, task.file.byteOffset, task.file.byteLength), task.maxInflatedBytes);
    return null;
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal, message: error.message };
    throw error;
  }
}

function checkedDirectory(file: Buffer, maxInflatedBytes: number): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(file);
  } catch (error) {
    if (error instanceof ZipTooLarge) throw inflatedTooLarge(maxInflatedBytes);
    throw new Refused('unreadable', 'not a readable XLSX file');
  }
  const inflated = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (inflated > maxInflatedBytes) throw inflatedTooLarge(maxInflatedBytes);
  return entries;
}

/** Checks the sizes from the central directory, then orders the parts for a front-to-back read. */
async function streamableWorkbook(file: Buffer, maxInflatedBytes: number): Promise<Buffer> {
  const entries = checkedDirectory(file, maxInflatedBytes);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') || !names.has('xl/_rels/workbook.xml.rels'))
    throw new Refused('unreadable', 'not a readable XLSX file');
  const extra = names.has('xl/sharedStrings.xml')
    ? []
    : [{ name: 'xl/sharedStrings.xml', content: EMPTY_SHARED_STRINGS }];
  try {
    return await rewriteZip(file, entries, streamingRank, extra);
  } catch (error) {
    if (error instanceof ZipUnreadable) throw new Refused('unreadable', `not a readable XLSX file: ${error.message}`);
    throw error;
  }
}

const inflatedTooLarge = (maxInflatedBytes: number) =>
  new Refused('inflated_size', `the workbook unpacks to more than ${Math.round(maxInflatedBytes / 1024 / 1024)} MB`);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if ('error' in value) return '';
  }
  return String(value);
}
