import { readSpreadsheetTask, readZipDirectory, SpreadsheetTask } from '@cascade/server/core';
import ExcelJS from 'exceljs';
import { xlsxBomb } from '../bench/xlsx-bomb';

const LIMITS = { maxRows: 5000, maxInflatedBytes: 50 * 1024 * 1024 };
const read = (file: Buffer, kind: SpreadsheetTask['kind'], limits: Partial<typeof LIMITS> = {}) =>
  readSpreadsheetTask({ file, kind, ...LIMITS, ...limits });

async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Rewrites the central directory's uncompressed size of one entry. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  const end = copy.length - 22;
  let at = copy.readUInt32LE(end + 16);
  for (let i = 0; i < copy.readUInt16LE(end + 10); i++) {
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.toString('utf8', at + 46, at + 46 + nameLength) === name) copy.writeUInt32LE(size, at + 24);
    at += 46 + nameLength + copy.readUInt16LE(at + 30) + copy.readUInt16LE(at + 32);
  }
  return copy;
}

describe('reading an import spreadsheet', () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await xlsxBomb();
  });

  it('refuses the 10-million-row bomb from its central directory, before inflating anything', async () => {
    const sheet = readZipDirectory(bomb).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize).toBeGreaterThan(400 * 1024 * 1024);
    // Garbage where the deflated sheet was: a reader that inflated anything would fail on it instead.
    const garbled = Buffer.from(bomb);
    garbled.fill(0xff, sheet.localHeaderOffset + 30 + sheet.name.length, sheet.localHeaderOffset + 1000);
    for (const file of [bomb, garbled]) {
      expect(await read(file, 'xlsx')).toEqual({
        ok: false,
        refusal: 'inflated_size',
        message: 'the workbook unpacks to more than 50 MB',
      });
    }
  });

  it('refuses a workbook whose directory understates what a part inflates to', async () => {
    const lying = declareSize(bomb, 'xl/worksheets/sheet1.xml', 1024 * 1024);
    const reading = await read(lying, 'xlsx');
    expect(reading).toMatchObject({ ok: false, refusal: 'unreadable' });
    expect(!reading.ok && reading.message).toContain('inflates past the size its header declares');
  });

  it('reads the first sheet as text, leaving blank rows out', async () => {
    const file = await workbook({
      用户: [['姓名', '邮箱'], ['钱进', 'qian@example.test'], [], [{ richText: [{ text: '孔' }, { text: '亮' }] }, 42]],
      Other: [['not', 'this']],
    });
    expect(await read(file, 'xlsx')).toEqual({
      ok: true,
      sheet: {
        headers: ['姓名', '邮箱'],
        rows: [
          { row: 2, cells: ['钱进', 'qian@example.test'] },
          { row: 4, cells: ['孔亮', '42'] },
        ],
      },
    });
  });

  it('takes exactly the row limit and refuses one row more, in XLSX and CSV', async () => {
    const rows = (n: number) => [['name'], ...Array.from({ length: n }, (_, i) => [`person ${i}`])];
    expect(await read(await workbook({ s: rows(3) }), 'xlsx', { maxRows: 3 })).toMatchObject({ ok: true });
    expect(await read(await workbook({ s: rows(4) }), 'xlsx', { maxRows: 3 })).toEqual({
      ok: false,
      refusal: 'rows',
      message: 'at most 3 rows per file',
    });
    const csv = (n: number) => Buffer.from(rows(n).join('\n'));
    expect(await read(csv(3), 'csv', { maxRows: 3 })).toMatchObject({ ok: true });
    expect(await read(csv(4), 'csv', { maxRows: 3 })).toMatchObject({ ok: false, refusal: 'rows' });
  });

  it('refuses a sheet of endless blank rows as well', async () => {
    const csv = Buffer.from('name\n' + '\n'.repeat(100) + 'someone\n');
    expect(await read(csv, 'csv', { maxRows: 10 })).toMatchObject({ ok: false, refusal: 'rows' });
  });

  it('calls a file that is no zip, or a damaged CSV, unreadable', async () => {
    expect(await read(Buffer.from('PK\u0003\u0004 not a zip'), 'xlsx')).toMatchObject({
      ok: false,
      refusal: 'unreadable',
    });
    expect(await read(Buffer.from('a,b\n"unclosed,1\n'), 'csv')).toMatchObject({ ok: false, refusal: 'unreadable' });
  });
});
