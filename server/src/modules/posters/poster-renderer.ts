import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { PosterLayer } from '@zhike/shared/posters';

export const POSTER_FONT_FAMILY = 'Noto Sans SC';
let fontsRegistered = false;

/** Noto Sans SC from the npm registry, so Chinese renders the same on every server without system fonts. */
export function registerPosterFonts(): void {
  if (fontsRegistered) return;
  const require = createRequire(__filename);
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'), POSTER_FONT_FAMILY);
  GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'), POSTER_FONT_FAMILY);
  fontsRegistered = true;
}

export interface PosterPerson {
  name: string;
  /** Decoded avatar, or none: an initial on a coloured disc is drawn instead. */
  avatar?: Buffer;
}

export interface PosterRenderInput {
  width: number;
  height: number;
  background: Buffer;
  layers: PosterLayer[];
  /** Layer text with the variables already filled. */
  texts: Map<number, string>;
  /** Images of 'asset' layers, by layer index. */
  layerImages: Map<number, Buffer>;
  qrCode: Buffer;
  salesperson: PosterPerson;
  customer: PosterPerson;
}

/** Draws a poster: the background scaled to cover, then each layer in order; returns the PNG. */
export async function renderPoster(input: PosterRenderInput): Promise<Buffer> {
  registerPosterFonts();
  const canvas = createCanvas(input.width, input.height);
  const context = canvas.getContext('2d');
  drawCover(context, await loadImage(input.background), input.width, input.height);
  for (const [index, layer] of input.layers.entries()) {
    switch (layer.type) {
      case 'text':
        drawText(context, layer, input.texts.get(index) ?? layer.text);
        break;
      case 'image': {
        const person = layer.source === 'salesperson_avatar' ? input.salesperson : layer.source === 'customer_avatar' ? input.customer : undefined;
        const bytes = person ? person.avatar : input.layerImages.get(index);
        if (bytes) drawImage(context, await loadImage(bytes), layer);
        else drawInitial(context, layer, person?.name ?? '');
        break;
      }
      case 'qr':
        context.fillStyle = '#ffffff';
        context.fillRect(layer.x, layer.y, layer.size, layer.size);
        context.drawImage(await loadImage(input.qrCode), layer.x, layer.y, layer.size, layer.size);
        break;
    }
  }
  return canvas.encode('png');
}

function drawCover(context: SKRSContext2D, image: Image, width: number, height: number): void {
  const scale = Math.max(width / image.width, height / image.height);
  const drawnWidth = image.width * scale;
  const drawnHeight = image.height * scale;
  context.drawImage(image, (width - drawnWidth) / 2, (height - drawnHeight) / 2, drawnWidth, drawnHeight);
}

function clipShape(context: SKRSContext2D, layer: Extract<PosterLayer, { type: 'image' }>): void {
  context.beginPath();
  if (layer.shape === 'circle') context.ellipse(layer.x + layer.width / 2, layer.y + layer.height / 2, layer.width / 2, layer.height / 2, 0, 0, Math.PI * 2);
  else context.rect(layer.x, layer.y, layer.width, layer.height);
  context.clip();
}

function drawImage(context: SKRSContext2D, image: Image, layer: Extract<PosterLayer, { type: 'image' }>): void {
  context.save();
  clipShape(context, layer);
  const scale = Math.max(layer.width / image.width, layer.height / image.height);
  context.drawImage(image, layer.x + (layer.width - image.width * scale) / 2, layer.y + (layer.height - image.height * scale) / 2, image.width * scale, image.height * scale);
  context.restore();
}

function drawInitial(context: SKRSContext2D, layer: Extract<PosterLayer, { type: 'image' }>, name: string): void {
  context.save();
  clipShape(context, layer);
  context.fillStyle = '#4a90d9';
  context.fillRect(layer.x, layer.y, layer.width, layer.height);
  context.fillStyle = '#ffffff';
  context.font = `${Math.round(Math.min(layer.width, layer.height) * 0.5)}px "${POSTER_FONT_FAMILY}"`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(Array.from(name)[0] ?? '', layer.x + layer.width / 2, layer.y + layer.height / 2);
  context.restore();
}

function drawText(context: SKRSContext2D, layer: Extract<PosterLayer, { type: 'text' }>, text: string): void {
  context.save();
  context.fillStyle = layer.color;
  context.font = `${layer.bold ? 'bold ' : ''}${layer.fontSize}px "${POSTER_FONT_FAMILY}"`;
  context.textAlign = layer.align;
  context.textBaseline = 'top';
  const lineHeight = Math.round(layer.fontSize * 1.35);
  wrapLines(context, text, layer.maxWidth).forEach((line, index) => context.fillText(line, layer.x, layer.y + index * lineHeight));
  context.restore();
}

/** Breaks by character (Chinese has no spaces to break at), honouring the line breaks in the text. */
function wrapLines(context: SKRSContext2D, text: string, maxWidth: number | undefined): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (!maxWidth) {
      lines.push(paragraph);
      continue;
    }
    let line = '';
    for (const character of Array.from(paragraph)) {
      if (line && context.measureText(line + character).width > maxWidth) {
        lines.push(line);
        line = character;
      } else {
        line += character;
      }
    }
    lines.push(line);
  }
  return lines;
}
