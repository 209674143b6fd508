import { GREETING } from '../testing/console-fixtures';
import { contentOf, draftFromScript, emptyScriptDraft, toUpdateRequest } from './script-draft';

describe('script draft', () => {
  it('sends only the chosen type’s fields', () => {
    const draft = { ...emptyScriptDraft('a00000000000000000000001'), type: 'link' as const, text: '留着', link: { url: ' https://a.cn/x ', title: 'T', desc: '', image: null } };
    expect(contentOf(draft)).toEqual({ type: 'link', url: 'https://a.cn/x', title: 'T', desc: '' });
    expect(contentOf({ ...draft, type: 'miniprogram', miniprogram: { title: 'M', page: '/pages/a/b', image: { id: 'i1', url: '/u' } } })).toEqual({ type: 'miniprogram', title: 'M', page: 'pages/a/b', imageAssetId: 'i1' });
  });

  it('updates from the loaded version, keeping tags it does not edit', () => {
    const script = { ...GREETING, tagIds: ['t1'] };
    expect(toUpdateRequest(draftFromScript(script), script.version)).toEqual({
      categoryId: script.categoryId,
      title: script.title,
      content: script.content,
      keywords: script.keywords,
      stages: script.stages,
      tagIds: ['t1'],
      expectedVersion: 3,
    });
  });
});
