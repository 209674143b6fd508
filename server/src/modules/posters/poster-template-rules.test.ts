import type { PosterLayer } from '@zhike/shared/posters';
import { templateProblems } from './poster-template-rules';

const text = (overrides: Partial<Extract<PosterLayer, { type: 'text' }>> = {}): PosterLayer => ({ type: 'text', text: '你好', x: 10, y: 10, fontSize: 24, color: '#333333', align: 'left', bold: false, ...overrides });
const qr = (overrides: Partial<Extract<PosterLayer, { type: 'qr' }>> = {}): PosterLayer => ({ type: 'qr', x: 400, y: 700, size: 180, ...overrides });

describe('templateProblems', () => {
  it('accepts a template with one code inside the canvas and known variables', () => {
    expect(templateProblems({ width: 600, height: 900, layers: [text({ text: '{{客户称呼}}，{{销售姓名}}邀请您' }), qr()] })).toEqual([]);
  });

  it('names each missing or misplaced layer by its path', () => {
    expect(
      templateProblems({
        width: 600,
        height: 900,
        layers: [
          text({ text: '凭{{优惠码}}领取' }),
          { type: 'image', source: 'asset', x: 500, y: 10, width: 200, height: 100, shape: 'square' },
          qr({ y: 800 }),
        ],
      }),
    ).toEqual([
      { field: 'body.layers.0.text', issue: '未知变量：{{优惠码}}' },
      { field: 'body.layers.1.x', issue: '超出画布宽度 600' },
      { field: 'body.layers.1.assetId', issue: '请上传图片' },
      { field: 'body.layers.2.y', issue: '超出画布高度 900' },
    ]);
  });

  it('requires exactly one QR slot', () => {
    expect(templateProblems({ width: 600, height: 900, layers: [text()] })).toEqual([{ field: 'body.layers', issue: '缺少二维码图层' }]);
    expect(templateProblems({ width: 600, height: 900, layers: [qr(), qr({ x: 0 })] })).toEqual([{ field: 'body.layers', issue: '只能有一个二维码图层' }]);
  });
});
