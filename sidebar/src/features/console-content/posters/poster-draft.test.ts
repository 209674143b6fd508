import { SPRING_POSTER } from '../testing/console-fixtures';
import { draftFromTemplate, emptyPosterDraft, moveLayer, toPosterRequest } from './poster-draft';

describe('poster draft', () => {
  it('round-trips a saved template to the same request', () => {
    const { version: _v, id: _i, retired: _r, updatedAt: _u, ...fields } = SPRING_POSTER;
    expect(toPosterRequest(draftFromTemplate(SPRING_POSTER))).toEqual({ request: fields, issues: [] });
  });

  it('names every number that is not a whole number, and missing uploads, by the server’s paths', () => {
    const draft = emptyPosterDraft();
    draft.width = '7.5';
    draft.layers = [{ ...draft.layers[0]!, fontSize: '' } as (typeof draft.layers)[number], { key: 'k', type: 'image', source: 'asset', asset: null, x: '0', y: '0', width: '10', height: '10', shape: 'square' }];
    expect(toPosterRequest(draft).issues).toEqual([
      { field: 'body.backgroundAssetId', issue: '请上传背景图' },
      { field: 'body.layers.0.fontSize', issue: '请填写数值' },
      { field: 'body.layers.1.assetId', issue: '请上传图片' },
      { field: 'body.width', issue: '请填写整数' },
    ]);
  });

  it('moves a layer one step and ignores a move past either end', () => {
    const layers = draftFromTemplate(SPRING_POSTER).layers;
    expect(moveLayer(layers, 1, -1).map((l) => l.type)).toEqual(['image', 'text', 'text', 'qr']);
    expect(moveLayer(layers, 3, 1)).toEqual(layers);
  });
});
