import type { AdminProduct } from './products.api';

export const SERUM: AdminProduct = {
  id: 'e00000000000000000000001',
  name: '精华护肤套装',
  subtitle: '28 天焕亮肌肤',
  coverUrl: 'http://zhike.test/files/aaaa',
  imageUrls: ['http://zhike.test/files/bbbb'],
  priceFen: 39_900,
  originalPriceFen: 49_900,
  badges: ['热卖', '老客专享'],
  description: ['精华 30ml + 面霜 50g。', '不满意 7 天无理由退换。'],
  onSale: true,
  skus: [
    { id: 'f00000000000000000000001', name: '标准装', priceFen: 39_900, stock: 200, onSale: true },
    { id: 'f00000000000000000000002', name: '礼盒装', priceFen: 45_900, stock: 50, onSale: true },
    { id: 'f00000000000000000000003', name: '旧款', priceFen: 29_900, stock: 9, onSale: false },
  ],
  coverAssetId: 'd00000000000000000000001',
  imageAssetIds: ['d00000000000000000000002'],
  featuredRank: 30,
};

export const HAND_CREAM: AdminProduct = {
  ...SERUM,
  id: 'e00000000000000000000002',
  name: '修护手霜礼盒',
  priceFen: 9_900,
  originalPriceFen: undefined,
  onSale: false,
  skus: [{ id: 'f00000000000000000000009', name: '三支装', priceFen: 9_900, stock: 300, onSale: true }],
  featuredRank: 5,
};
