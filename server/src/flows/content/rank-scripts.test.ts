import type { ScriptRecord } from '../../modules/scripts';
import { rankScripts, type RankingSignals } from './rank-scripts';

const script = (id: string, overrides: Partial<ScriptRecord> = {}): ScriptRecord =>
  ({ id, title: id, categoryId: 'cat-general', stages: [], tagIds: [], usageCount: 0, ...overrides }) as ScriptRecord;

const signals = (overrides: Partial<RankingSignals> = {}): RankingSignals => ({
  stageKey: 'interested',
  stageLabel: '意向',
  tags: new Map([['et_level_a', 'A类客户']]),
  recentlyViewed: [],
  recentlySent: new Set(),
  results: new Map(),
  favourites: new Set(),
  ...overrides,
});

describe('rankScripts', () => {
  it('ranks by how many reasons fit, and says which ones in one line', () => {
    const ranked = rankScripts(
      [
        script('price', { stages: ['interested'], categoryId: 'cat-skincare' }),
        script('vip', { tagIds: ['et_level_a'] }),
        script('welcome', { stages: ['new'] }),
      ],
      signals({ recentlyViewed: [{ contentId: 'brochure', title: '精华护肤手册', categoryId: 'cat-skincare' }] }),
    );
    expect(ranked.map((r) => [r.script.id, r.reason])).toEqual([
      ['price', '意向阶段 · 浏览过《精华护肤手册》'],
      ['vip', '标签 A类客户'],
    ]);
  });

  it('counts what worked only once a script has been sent a few times, and skips scripts sent lately', () => {
    const ranked = rankScripts(
      [script('proven'), script('lucky'), script('seen', { stages: ['interested'] })],
      signals({
        results: new Map([
          ['proven', { sends: 10, sendsOpened: 7, orders: 2 }],
          ['lucky', { sends: 1, sendsOpened: 1, orders: 0 }],
        ]),
        recentlySent: new Set(['seen']),
      }),
    );
    expect(ranked.map((r) => [r.script.id, r.reason])).toEqual([['proven', '打开率 70% · 带来 2 单']]);
  });

  it('offers at most three, favourites first among equals', () => {
    const scripts = ['a', 'b', 'c', 'd'].map((id) => script(id, { stages: ['interested'] }));
    expect(rankScripts(scripts, signals({ favourites: new Set(['d']) })).map((r) => r.script.id)).toEqual(['d', 'a', 'b']);
  });
});
