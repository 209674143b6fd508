import type { Customer360 } from '@zhike/shared/customers';
import { DEFAULT_STAGE_PIPELINE } from '@zhike/shared/stages';
import type { CorpTagView } from '@zhike/shared/tags';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { STAFF_LI } from './fake-api';

export const ZHANG_WEI_EXTERNAL_USERID = 'wmZHANGWEI01';
export const ZHANG_WEI_PATH = `/api/customers/by-external-userid/${ZHANG_WEI_EXTERNAL_USERID}`;
export const ZHANG_WEI_TAGS_PATH = `${ZHANG_WEI_PATH}/tags`;
export const ZHANG_WEI_NOTES_PATH = `${ZHANG_WEI_PATH}/notes`;
export const ZHANG_WEI_STAGE_PATH = `${ZHANG_WEI_PATH}/stage`;
export const ZHANG_WEI_FIELDS_PATH = `${ZHANG_WEI_PATH}/fields`;

/** "Now" for tests of the timeline's day labels: 12:00 on 21 May 2026 in Beijing. */
export const TIMELINE_NOW = new Date('2026-05-21T04:00:00.000Z');

/**
 * 张伟's timeline, newest first, as the server sends it. Beijing days, seen from TIMELINE_NOW: the first three
 * are 今天 (00:30 Beijing is still 20 May in UTC), the next two 昨天 (01:00 Beijing is 19 May in UTC).
 */
export const ZHANG_WEI_TIMELINE: TimelineEntry[] = [
  { id: 'tl-06', kind: 'note', at: '2026-05-21T02:30:00.000Z', actor: { userid: STAFF_LI.userid, name: STAFF_LI.name }, summary: '李娜 写了备注', text: '想要企业版报价\n下周二前回复' },
  { id: 'tl-05', kind: 'stage_changed', at: '2026-05-21T01:00:00.000Z', actor: { userid: STAFF_LI.userid, name: STAFF_LI.name }, summary: '李娜 将阶段从 初步沟通 改为 意向' },
  { id: 'tl-04', kind: 'tags_changed', at: '2026-05-20T16:30:00.000Z', actor: { userid: 'zhaolei', name: '赵磊' }, summary: '赵磊 添加标签 私有化部署' },
  { id: 'tl-03', kind: 'contact_removed', at: '2026-05-20T04:00:00.000Z', actor: { userid: 'wangqiang', name: '王强' }, summary: '客户删除了 王强' },
  { id: 'tl-02', kind: 'stage_changed', at: '2026-05-19T17:00:00.000Z', actor: { userid: STAFF_LI.userid, name: STAFF_LI.name }, summary: '李娜 将阶段从 新客户 改为 初步沟通' },
  { id: 'tl-01', kind: 'contact_added', at: '2026-04-10T02:00:00.000Z', actor: { userid: 'zhaolei', name: '赵磊' }, summary: '赵磊 添加了客户（群聊）' },
];

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
    { userid: 'wangqiang', name: '王强', addWay: 3, addWayLabel: '名片分享', since: '2026-02-01T02:00:00.000Z', active: false, departed: false, endedAt: '2026-05-20T04:00:00.000Z', endReason: 'customer_deleted_staff' },
    { userid: 'zhaolei', name: '赵磊', addWay: 4, addWayLabel: '群聊', since: '2026-04-10T02:00:00.000Z', active: true, departed: true },
    { userid: STAFF_LI.userid, name: STAFF_LI.name, remark: '张伟-星河采购', addWay: 1, addWayLabel: '扫描二维码', state: 'expo2026', since: '2026-03-01T17:30:00.000Z', active: true, departed: false },
  ],
  // 李娜 marked A类客户 and 企业版 (the latter with 赵磊); 私有化部署 is 赵磊's alone; 展会 is a local tag.
  tags: [
    { tagId: 'et-level-a', name: 'A类客户', groupId: 'eg-level', groupName: '客户等级', source: 'wecom', markedBy: ['lina'] },
    { tagId: 'et-product-ent', name: '企业版', groupId: 'eg-product', groupName: '意向产品', source: 'wecom', markedBy: ['lina', 'zhaolei'] },
    { tagId: 'lt-expo', name: '展会', groupId: 'lg-source', groupName: '来源', source: 'local', markedBy: ['lina'] },
    { tagId: 'et-product-onprem', name: '私有化部署', groupId: 'eg-product', groupName: '意向产品', source: 'wecom', markedBy: ['zhaolei'] },
  ],
  tagChanges: [],
  stage: 'interested',
  stages: DEFAULT_STAGE_PIPELINE,
  // 预算 and 购买渠道 filled in; 到店日期 and 偏好 not yet.
  customFields: [
    { key: 'budget', label: '预算', type: 'number', required: false, value: 50000 },
    { key: 'visit_date', label: '到店日期', type: 'date', required: false, value: null },
    { key: 'channel', label: '购买渠道', type: 'select', options: ['门店', '线上', '代理'], required: true, value: '门店' },
    { key: 'preference', label: '偏好', type: 'text', required: false, value: null },
  ],
  timeline: ZHANG_WEI_TIMELINE,
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
