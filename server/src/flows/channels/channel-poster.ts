import { createCanvas, loadImage } from '@napi-rs/canvas';
import { POSTER_FONT_FAMILY, registerPosterFonts } from '../../modules/posters';

const WIDTH = 1240;
const HEIGHT = 1754; // A5 at 210 dpi: prints sharp on a shop counter stand
const QR_SIZE = 760;

/** A print-ready poster for a channel code: its name, the QR, and what to do, on a plain template. */
export async function renderChannelPoster(input: { title: string; subtitle: string; qrPng: Buffer }): Promise<Buffer> {
  registerPosterFonts();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f4f7fb';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.fillStyle = '#1f6feb';
  context.fillRect(0, 0, WIDTH, 360);

  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillStyle = '#ffffff';
  context.font = `bold 88px "${POSTER_FONT_FAMILY}"`;
  context.fillText(fit(context, input.title, WIDTH - 160), WIDTH / 2, 170);
  context.font = `44px "${POSTER_FONT_FAMILY}"`;
  context.fillText(fit(context, input.subtitle, WIDTH - 160), WIDTH / 2, 280);

  const cardY = 460;
  context.fillStyle = '#ffffff';
  context.fillRect((WIDTH - QR_SIZE - 80) / 2, cardY, QR_SIZE + 80, QR_SIZE + 80);
  context.drawImage(await loadImage(input.qrPng), (WIDTH - QR_SIZE) / 2, cardY + 40, QR_SIZE, QR_SIZE);

  context.fillStyle = '#1f2937';
  context.font = `bold 56px "${POSTER_FONT_FAMILY}"`;
  context.fillText('微信扫一扫，添加企业微信', WIDTH / 2, cardY + QR_SIZE + 190);
  context.fillStyle = '#6b7280';
  context.font = `36px "${POSTER_FONT_FAMILY}"`;
  context.fillText('添加后即可获得专属顾问一对一服务', WIDTH / 2, cardY + QR_SIZE + 270);
  return canvas.encode('png');
}

/** Shortens a line that would overflow, with an ellipsis. */
function fit(context: ReturnType<ReturnType<typeof createCanvas>['getContext']>, text: string, maxWidth: number): string {
  if (context.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && context.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}
