// The certificate of completion (结业证书) as an A4-landscape PDF: frame, title, citation, organizer seal line,
// serial number and a QR code of the public verification URL. The CJK font ships with the repo (server/assets).
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { LABELS, type Assessment } from '@duibiao/contracts';
import { drawText, registerCjkFont } from './pdf-text.ts';

export interface CertificateContent {
  name: string;
  programName: string;
  organizer: string;
  startDate: string;
  endDate: string;
  hours: number;
  result: Assessment;
  serial: string;
  /** ISO instant; shown as a Beijing calendar date. */
  issuedAt: string;
  verifyUrl: string;
  revoked: boolean;
}

const RED = '#b0231c';
const GOLD = '#c8a24a';
const INK = '#222222';

/** 2026-05-11 → 2026年5月11日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The Beijing calendar date of an instant. */
export const beijingDate = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

const hoursText = (h: number) => String(Math.round(h * 10) / 10);

/** Renders the certificate; resolves with the PDF bytes. */
export async function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 360,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `结业证书 ${c.serial}`, Subject: `${c.name} · ${c.programName}`, Author: c.organizer, Creator: 'Duibiao 对标' },
  });
  registerCjkFont(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const W = doc.page.width; // 841.89
  const H = doc.page.height; // 595.28

  // Frame: a red outer rule, a gold inner rule, corner squares.
  doc.rect(0, 0, W, H).fill('#fffdf6');
  doc
    .lineWidth(6)
    .strokeColor(RED)
    .rect(22, 22, W - 44, H - 44)
    .stroke();
  doc
    .lineWidth(1.5)
    .strokeColor(GOLD)
    .rect(34, 34, W - 68, H - 68)
    .stroke();
  for (const [x, y] of [
    [34, 34],
    [W - 46, 34],
    [34, H - 46],
    [W - 46, H - 46],
  ] as const) {
    doc.rect(x, y, 12, 12).fill(GOLD);
  }

  drawText(doc, '结 业 证 书', { x: 0, y: 78, width: W, size: 44, align: 'center', color: RED, characterSpacing: 6 });
  drawText(doc, 'CERTIFICATE OF COMPLETION', { x: 0, y: 138, width: W, size: 11, align: 'center', color: GOLD, characterSpacing: 3 });

  const left = 110;
  const textWidth = W - 2 * left;
  let y = 190;
  y = drawText(doc, `${c.name} 同志：`, { x: left, y, width: textWidth, size: 22, color: INK });
  const citation =
    `于${chineseDate(c.startDate)}至${chineseDate(c.endDate)}参加${c.organizer}举办的“${c.programName}”，` +
    `完成规定的学习任务，累计培训 ${hoursText(c.hours)} 学时，结业考核${LABELS.assessment[c.result].zh}，准予结业。`;
  y = drawText(doc, citation, { x: left, y: y + 14, width: textWidth, size: 17, color: INK, lineGap: 10, indent: 34 });
  drawText(doc, '特发此证。', { x: left, y: y + 4, width: textWidth, size: 17, color: INK, indent: 34 });

  // Organizer and date, bottom right, where the seal is stamped.
  const sealX = W - 380;
  drawText(doc, c.organizer, { x: sealX, y: H - 170, width: 300, size: 18, align: 'center', color: INK });
  drawText(doc, chineseDate(beijingDate(c.issuedAt)), { x: sealX, y: H - 138, width: 300, size: 16, align: 'center', color: INK });

  // Serial and QR code, bottom left.
  const qrSize = 92;
  doc.image(qr, 70, H - 70 - qrSize, { width: qrSize, height: qrSize });
  drawText(doc, `证书编号：${c.serial}`, { x: 70 + qrSize + 14, y: H - 70 - qrSize + 18, width: 300, size: 12, color: INK });
  drawText(doc, '扫描二维码或访问以下地址核验真伪：', { x: 70 + qrSize + 14, y: H - 70 - qrSize + 42, width: 300, size: 10, color: '#555555' });
  drawText(doc, c.verifyUrl, { x: 70 + qrSize + 14, y: H - 70 - qrSize + 58, width: 300, size: 7.5, color: '#555555' });

  if (c.revoked) {
    doc.save().rotate(-20, { origin: [W / 2, H / 2] });
    drawText(doc, '已 撤 销', { x: 0, y: H / 2 - 50, width: W, size: 90, align: 'center', color: '#d9363e' });
    doc.restore();
  }

  doc.end();
  return done;
}
