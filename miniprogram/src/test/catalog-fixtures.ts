import type { ArticleView, ProductView } from '@zhike/shared/catalog';
import type { MyInvitationsResponse } from '@zhike/shared/referrals';

export const serum: ProductView = {
  id: '64b000000000000000000001',
  name: '精华护肤套装',
  subtitle: '28 天焕亮肌肤',
  coverUrl: 'https://zhike.example.com/files/serum.png',
  imageUrls: ['https://zhike.example.com/files/serum.png', '/files/serum-2.png'],
  priceFen: 39_900,
  originalPriceFen: 49_900,
  badges: ['热卖', '老客专享'],
  description: ['精华 30ml + 面霜 50g，早晚两步焕亮。', '不满意 7 天无理由退换。'],
  onSale: true,
};

export const perfume: ProductView = {
  id: '64b000000000000000000002',
  name: '晨露香氛',
  subtitle: '清新木质调 50ml',
  coverUrl: '/files/perfume.png',
  imageUrls: ['/files/perfume.png'],
  priceFen: 29_900,
  badges: ['新品'],
  description: ['前调佛手柑，中调白茶，后调雪松。'],
  onSale: true,
};

export const skincareArticle: ArticleView = {
  id: '64c000000000000000000001',
  title: '秋冬换季，护肤三步走',
  summary: '干燥、泛红、暗沉？顾问教你三步稳住肌肤状态。',
  coverUrl: '/files/article.png',
  body: ['第一步：温和清洁。', '第二步：精华打底。'],
  productIds: [serum.id],
  publishedAt: '2026-11-23T02:00:00.000Z',
};

export const myInvitations: MyInvitationsResponse = {
  inviteCode: 'WANG2026',
  counts: { invited: 2, activated: 1, converted: 0 },
  invited: [
    { displayName: '赵小云', avatar: '', invitedAt: '2026-11-20T04:00:00.000Z', activated: true, converted: false },
    { displayName: '钱多多', avatar: '/files/qian.png', invitedAt: '2026-11-22T04:00:00.000Z', activated: false, converted: false },
  ],
};
