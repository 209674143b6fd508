import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import type { PosterLayer } from '@zhike/shared/posters';
import { samplePng } from '../../testing/sample-images';
import { renderPoster } from './poster-renderer';

async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const context = createCanvas(image.width, image.height).getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

describe('renderPoster', () => {
  const layers: PosterLayer[] = [
    { type: 'text', text: '王总，李雷为您推荐', x: 40, y: 60, fontSize: 36, color: '#222222', align: 'left', bold: true, maxWidth: 520 },
    { type: 'image', source: 'salesperson_avatar', x: 40, y: 160, width: 96, height: 96, shape: 'circle' },
    { type: 'qr', x: 380, y: 700, size: 200 },
  ];

  it('draws a PNG of the template’s size whose code decodes back to the scene URL', async () => {
    const url = 'https://zhike.example/mp/#/pages/index/index?scene=pA1b2C3d4E5f';
    const png = await renderPoster({
      width: 600,
      height: 960,
      background: await samplePng(300, 480, '#f6efe6'),
      layers,
      texts: new Map([[0, '王总，李雷为您推荐']]),
      layerImages: new Map(),
      qrCode: await QRCode.toBuffer(url, { width: 430, margin: 1 }),
      salesperson: { name: '李雷' },
      customer: { name: '王小明' },
    });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const image = await pixels(png);
    expect([image.width, image.height]).toEqual([600, 960]);
    expect(jsQR(image.data, image.width, image.height)?.data).toBe(url);
    // The background was scaled to cover the canvas: a corner pixel carries its colour (#f6efe6).
    expect([...image.data.subarray(0, 3)]).toEqual([0xf6, 0xef, 0xe6]);
    // Without an avatar, the salesperson's initial sits on a blue disc (#4a90d9) at the avatar's centre edge.
    const at = (x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
    expect(at(50, 208)).toEqual([0x4a, 0x90, 0xd9]);
  });
});
