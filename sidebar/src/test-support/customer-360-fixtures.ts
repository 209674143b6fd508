import type { Customer360 } from '@zhike/shared/customers';
import type { CorpTagView } from '@zhike/shared/tags';
import { STAFF_LI } from './fake-api';

export const ZHANG_WEI_EXTERNAL_USERID = 'wmZHANGWEI01';
export const ZHANG_WEI_PATH = `/api/customers/by-external-userid/${ZHANG_WEI_EXTERNAL_USERID}`;
export const ZHANG_WEI_TAGS_PATH = `${ZHANG_WEI_PATH}/tags`;

// 17:30 UTC on 1 March is 01:30 on 2 March in Beijing: the dates in the 360 must say 03-02.
export const ZHANG_WEI: Customer360 = {
  customer: {
    id: '6660000000000000000000aa',
    externalUserId: ZHANG_WEI_EXTERNAL_USERID,
    displayName: '张伟',
    corpName: '星河科技',
    position: '采购经理',
    firstSeenAt: '2026-03-01T17:30:00.000Z',
    lastActiveAt: '2026-05-21T02:00:00.000Z',
    usesMiniProgram: true,
  },
  followers: [
    { userid: 'wangqiang', name: '王强', addWay: 3, addWayLabel: '名片分享', since: '2026-02-01T02:00:00.000Z', active: false, endedAt: '2026-05-20T04:00:00.000Z', endReason: 'customer_deleted_staff' },
    { userid: 'zhaolei', name: '赵磊', addWay: 4, addWayLabel: '群聊', since: '2026-04-10T02:00:00.000Z', active: true },
    { userid: STAFF_LI.userid, name: STAFF_LI.name, remark: '张伟-星河采购', addWay: 1, addWayLabel: '扫描二维码', state: 'expo2026', since: '2026-03-01T17:30:00.000Z', active: true },
  ],
  // 李娜 marked A类客户 and 企业版 (the latter with 赵磊); 私有化部署 is 赵磊's alone; 展会 is a local tag.
  tags: [
    { tagId: 'et-level-a', name: 'A类客户', groupId: 'eg-level', groupName: '客户等级', source: 'wecom', markedBy: ['lina'] },
    { tagId: 'et-product-ent', name: '企业版', groupId: 'eg-product', groupName: '意向产品', source: 'wecom', markedBy: ['lina', 'zhaolei'] },
    { tagId: 'lt-expo', name: '展会', groupId: 'lg-source', groupName: '来源', source: 'local', markedBy: ['lina'] },
    { tagId: 'et-product-onprem', name: '私有化部署', groupId: 'eg-product', groupName: '意向产品', source: 'wecom', markedBy: ['zhaolei'] },
  ],
  tagChanges: [],
  firstTouch: { userid: STAFF_LI.userid, since: '2026-03-01T17:30:00.000Z', channel: 'expo2026' },
};

/** The corp library as GET /api/tags lists it: WeCom groups in display order, then Zhike's local tags. */
export const TAG_LIBRARY: CorpTagView[] = [
  { tagId: 'et-level-a', name: 'A类客户', groupId: 'eg-level', groupName: '客户等级', source: 'wecom' },
  { tagId: 'et-level-b', name: 'B类客户', groupId: 'eg-level', groupName: '客户等级', source: 'wecom' },
  { tagId: 'et-product-ent', name: '企业版', groupId: 'eg-product', groupName: '意向产品', source: 'wecom' },
  { tagId: 'et-product-onprem', name: '私有化部署', groupId: 'eg-product', groupName: '意向产品', source: 'wecom' },
  { tagId: 'et-product-std', name: '标准版', groupId: 'eg-product', groupName: '意向产品', source: 'wecom' },
  { tagId: 'lt-expo', name: '展会', groupId: 'lg-source', groupName: '来源', source: 'local' },
];
