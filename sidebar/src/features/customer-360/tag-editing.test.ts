import { TAG_LIBRARY, ZHANG_WEI } from '../../test-support/customer-360-fixtures';
import { applyTagChange, isLocalOnly, sameTagChange, tagDiff, viewerTagIds } from './tag-editing';

const AT = '2026-05-21T02:00:00.000Z';

describe('tagDiff', () => {
  it('lists additions and removals in library order, local-only tags included, never a tag the picker does not offer', () => {
    const mine = viewerTagIds(ZHANG_WEI.tags, 'lina'); // A类客户, 企业版 and the local 展会
    expect([...mine]).toEqual(['et-level-a', 'et-product-ent', 'lt-expo']);
    expect(tagDiff(TAG_LIBRARY, mine, new Set(['et-product-std', 'et-product-ent', 'et-level-b']))).toEqual({ add: ['et-level-b', 'et-product-std'], remove: ['et-level-a', 'lt-expo'] });
    expect(tagDiff(TAG_LIBRARY.slice(0, 2), mine, new Set())).toEqual({ add: [], remove: ['et-level-a'] });
  });
});

describe('isLocalOnly', () => {
  it('is true only when every tag of the change is a local-only one', () => {
    expect(isLocalOnly({ add: ['lt-expo'], remove: [] }, TAG_LIBRARY)).toBe(true);
    expect(isLocalOnly({ add: ['lt-expo'], remove: ['et-level-a'] }, TAG_LIBRARY)).toBe(false);
  });
});

describe('sameTagChange', () => {
  it('ignores order, not content', () => {
    expect(sameTagChange({ add: ['a', 'b'], remove: [] }, { add: ['b', 'a'], remove: [] })).toBe(true);
    expect(sameTagChange({ add: ['a'], remove: [] }, { add: ['a'], remove: ['b'] })).toBe(false);
  });
});

describe('applyTagChange', () => {
  it('adds and takes off only the viewer’s mark, drops a tag nobody marks, and lists the change once', () => {
    const change = { requestId: 'req00000001', add: ['et-level-b', 'et-product-onprem'], remove: ['et-level-a', 'et-product-ent'], state: 'pending' as const, at: AT };
    const once = applyTagChange(ZHANG_WEI, change, TAG_LIBRARY, 'lina');
    const twice = applyTagChange(once, change, TAG_LIBRARY, 'lina');
    expect(twice.tags.map((t) => [t.name, t.markedBy])).toEqual([
      ['企业版', ['zhaolei']],
      ['展会', ['lina']],
      ['私有化部署', ['zhaolei', 'lina']],
      ['B类客户', ['lina']],
    ]);
    expect(twice.tagChanges).toEqual([change]);
  });
});
