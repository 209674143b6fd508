import type { ErrorDetail } from '@zhike/shared/errors';
import type { PosterLayer } from '@zhike/shared/posters';
import { unknownVariables } from '../scripts/script-variables';

/** What a template needs beyond field types: one QR slot, assets where an image is drawn, layers on the canvas, known variables. */
export function templateProblems(template: { width: number; height: number; layers: PosterLayer[] }): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const qrLayers = template.layers.filter((layer) => layer.type === 'qr').length;
  if (qrLayers !== 1) problems.push({ field: 'body.layers', issue: qrLayers === 0 ? '缺少二维码图层' : '只能有一个二维码图层' });
  template.layers.forEach((layer, index) => {
    const field = (name: string) => `body.layers.${index}.${name}`;
    const right = layer.x + (layer.type === 'image' ? layer.width : layer.type === 'qr' ? layer.size : 0);
    const bottom = layer.y + (layer.type === 'image' ? layer.height : layer.type === 'qr' ? layer.size : 0);
    if (right > template.width) problems.push({ field: field('x'), issue: `超出画布宽度 ${template.width}` });
    if (bottom > template.height) problems.push({ field: field('y'), issue: `超出画布高度 ${template.height}` });
    if (layer.type === 'image' && layer.source === 'asset' && !layer.assetId) problems.push({ field: field('assetId'), issue: '请上传图片' });
    if (layer.type === 'text') {
      const unknown = unknownVariables(layer.text);
      if (unknown.length) problems.push({ field: field('text'), issue: `未知变量：${unknown.map((name) => `{{${name}}}`).join('、')}` });
    }
  });
  return problems;
}
