import { CertificateView } from '@cascade/contracts';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** Debian's fonts-wqy-microhei, as for the plan PDF: without it Chinese names print as boxes. */
const CJK_FONT_FILES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
];

const KIND: Record<CertificateView['kind'], string> = {
  qualification: '内部讲师资格 Internal trainer qualification',
  exam: '认证考试 Certification exam',
};

// Certificates are printed in China Standard Time: a date near midnight UTC must not shift a day.
const day = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(iso));

/** One A4 landscape page: holder, what was achieved, dates, the code and a QR code of the verify URL. */
export async function renderCertificate(certificate: CertificateView, organizationName: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(certificate.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 300,
  });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    info: { Title: `${certificate.title} — ${certificate.holderName}`, Author: 'Cascade' },
  });
  const font = CJK_FONT_FILES.find((file) => existsSync(file));
  if (font) {
    doc.registerFont('body', font, 'WenQuanYiMicroHei');
    doc.font('body');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 120;
  doc
    .lineWidth(3)
    .strokeColor('#1f4e79')
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .stroke();
  doc.moveDown(1).fontSize(28).fillColor('#1f4e79').text('证书 Certificate', { align: 'center', width });
  doc.moveDown(0.3).fontSize(12).fillColor('#555').text(KIND[certificate.kind], { align: 'center', width });
  doc.moveDown(1.2).fontSize(13).fillColor('black').text('兹证明 This certifies that', { align: 'center', width });
  doc.moveDown(0.4).fontSize(26).text(certificate.holderName, { align: 'center', width });
  doc.moveDown(0.4).fontSize(13).text('已获得 has achieved', { align: 'center', width });
  doc.moveDown(0.4).fontSize(20).text(certificate.title, { align: 'center', width });
  doc.moveDown(0.4).fontSize(11).fillColor('#555').text(organizationName, { align: 'center', width });

  const top = doc.page.height - 210;
  doc.fontSize(11).fillColor('black');
  doc.text(`获得日期 Achieved: ${day(certificate.achievedAt)}`, 60, top);
  doc.text(`有效期至 Valid until: ${certificate.expiresAt ? day(certificate.expiresAt) : '长期有效 No expiry'}`);
  doc.text(`签发日期 Issued: ${day(certificate.issuedAt)}`);
  doc.moveDown(0.6).text(`验证码 Verification code: ${certificate.code}`);
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`扫码或访问 Scan or visit: ${certificate.verifyUrl}`, { width: width - 160 });
  doc.image(qr, doc.page.width - 60 - 130, top - 10, { width: 130 });
  doc.end();
  return done;
}
