import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';

/** For tests: the size of an image and the text of the QR code in it, the way a phone camera reads it. */
export async function decodeQr(bytes: Buffer): Promise<{ width: number; height: number; text: string | undefined }> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, text: jsQR(pixels.data, image.width, image.height)?.data };
}
