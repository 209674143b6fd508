import { createCanvas } from '@napi-rs/canvas';
import { registerPosterFonts, POSTER_FONT_FAMILY } from '../modules/posters';

/** Product shots and a poster background for the demo, drawn instead of shipped as binary files. */
export async function drawProductImage(title: string, subtitle: string, colours: [string, string]): Promise<Buffer> {
  registerPosterFonts();
  const canvas = createCanvas(640, 480);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 640, 480);
  gradient.addColorStop(0, colours[0]);
  gradient.addColorStop(1, colours[1]);
  context.fillStyle = gradient;
  context.fillRect(0, 0, 640, 480);
  context.fillStyle = 'rgba(255,255,255,0.85)';
  context.beginPath();
  context.roundRect(250, 110, 140, 220, 28);
  context.fill();
  context.fillStyle = '#ffffff';
  context.textAlign = 'center';
  context.font = `bold 44px "${POSTER_FONT_FAMILY}"`;
  context.fillText(title, 320, 400);
  context.font = `26px "${POSTER_FONT_FAMILY}"`;
  context.fillText(subtitle, 320, 445);
  return canvas.encode('png');
}

export async function drawPosterBackground(): Promise<Buffer> {
  const canvas = createCanvas(750, 1200);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 0, 1200);
  gradient.addColorStop(0, '#ffe3d3');
  gradient.addColorStop(1, '#ff9a8b');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 750, 1200);
  context.fillStyle = 'rgba(255,255,255,0.35)';
  for (const [x, y, r] of [[620, 160, 140], [120, 520, 90], [660, 760, 60]] as const) {
    context.beginPath();
    context.arc(x, y, r, 0, Math.PI * 2);
    context.fill();
  }
  context.fillStyle = 'rgba(255,255,255,0.92)';
  context.beginPath();
  context.roundRect(40, 860, 670, 300, 24);
  context.fill();
  return canvas.encode('png');
}

/** A one-page PDF brochure: enough for a file script to be sent and opened. */
export function brochurePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 28 Tf 72 760 Td (Zhike Demo Brand - Skincare Brochure 2026) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
