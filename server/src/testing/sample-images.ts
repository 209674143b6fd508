import { createCanvas } from '@napi-rs/canvas';

/** A real PNG of the given size and colour, for uploads and poster backgrounds in tests. */
export async function samplePng(width = 64, height = 64, colour = '#3a7bd5'): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  return canvas.encode('png');
}
