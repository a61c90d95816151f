import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

/** A real 1×1 PNG. */
export const PNG_FILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function pdfFile(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text('Goods receipt sample');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export async function xlsxFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['物料', '数量']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A page whose script, if it ever ran, would say so in `window.name` and to `beaconUrl`. */
export function scriptedHtml(beaconUrl = '/api/xss-beacon'): Buffer {
  return Buffer.from(
    `<!doctype html><html><body><h1>截图</h1><script>window.name = 'xss-ran'; fetch(${JSON.stringify(beaconUrl)});</script></body></html>`,
  );
}

export const SVG_FILE = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="window.name=\'xss-ran\'"><script>window.name = "xss-ran"</script></svg>',
);
