import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type SpreadsheetKind = 'csv' | 'xlsx';

export interface Spreadsheet {
  headers: string[];
  /** Blank rows left out; `row` is the spreadsheet's own row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/** A file that is not the spreadsheet it claims to be; the message is fit for the row list of a 422. */
export class SpreadsheetUnreadable extends Error {}

/** The first sheet of an upload as text cells, for every import (users, questions). */
export async function readSpreadsheet(file: Buffer, kind: SpreadsheetKind): Promise<Spreadsheet> {
  const table = kind === 'csv' ? readCsv(file) : await readXlsx(file);
  const [headers = [], ...rest] = table;
  const rows = rest
    .map((cells, i) => ({ row: i + 2, cells: cells ?? [] }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { headers, rows };
}

function readCsv(file: Buffer): string[][] {
  try {
    return parseCsv(decodeText(file), { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    throw new SpreadsheetUnreadable(`not a readable CSV file: ${(error as Error).message}`);
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

async function readXlsx(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetUnreadable('not a readable XLSX file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetUnreadable('the workbook has no sheet');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    table[rowNumber - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
  });
  return Array.from(table, (cells) => cells ?? []);
}

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
