import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { detectFileType, PLAIN_TEXT, servedContentType } from './file-content-type';
import { fileTypeNotAllowed } from './files.errors';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
);

async function pdf(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.text('sample');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('S').addRow(['a', 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('detectFileType', () => {
  it('tells accepted binary kinds by their content', async () => {
    expect(await detectFileType(PNG)).toBe('image/png');
    expect(await detectFileType(await pdf())).toBe('application/pdf');
    expect(await detectFileType(await xlsx())).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect(await detectFileType(gif)).toBe('image/gif');
  });

  it('takes UTF-8 text, Chinese and a byte-order mark included', async () => {
    expect(await detectFileType(Buffer.from('收货单样张\n第二行'))).toBe(PLAIN_TEXT);
    expect(await detectFileType(Buffer.from('\uFEFF物料,数量\n螺栓,3\n'))).toBe(PLAIN_TEXT);
    expect(await detectFileType(Buffer.from('a < b, and <b> later is fine'))).toBe(PLAIN_TEXT);
  });

  it.each([
    ['HTML', '<!doctype html><script>alert(1)</script>'],
    ['HTML after a BOM and whitespace', '\uFEFF \n\t<html><script>alert(1)</script></html>'],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['XML', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['text with NUL', 'abc\u0000def'],
  ])('refuses %s', async (_what, content) => {
    expect(await detectFileType(Buffer.from(content))).toBeNull();
  });

  it('refuses bytes that are not UTF-8, and binaries outside the list', async () => {
    expect(await detectFileType(Buffer.from([0xc3, 0x28, 0x41, 0x42]))).toBeNull();
    // A Windows executable, a bare zip, and the legacy Office container that installers share.
    expect(await detectFileType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]))).toBeNull();
    expect(await detectFileType(Buffer.from('504b0304140000000000', 'hex'))).toBeNull();
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 0)]);
    expect(await detectFileType(cfb)).toBeNull();
  });

  it('serves a type stored before the check as opaque bytes', () => {
    expect(servedContentType('text/html')).toBe('application/octet-stream');
    expect(servedContentType('image/svg+xml')).toBe('application/octet-stream');
    expect(servedContentType('image/png')).toBe('image/png');
  });

  it('refuses with the catalogue’s code, naming the field', () => {
    const error = fileTypeNotAllowed();
    expect(error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', status: 415 });
    expect(error.errors?.[0].field).toBe('file');
  });
});
