import { DEMO_CREDENTIALS } from '../../platform/config/config';

/**
 * The people of the sandbox: one corp with its members and departments, the WeChat users who hold
 * phones, which members have which of them as external contacts, and the corp's customer-tag library.
 * Both sandbox upstreams read it, so a WeChat user's unionid matches the unionid WeCom reports for the
 * same person. Fields are camelCase here; the sandbox routes map them to WeCom's snake_case.
 */
export interface SandboxMember {
  userid: string;
  name: string;
  position: string;
  department: number[];
  isLeaderInDept: number[];
  avatar: string;
}

export interface SandboxWeChatUser {
  openid: string;
  unionid: string;
  nickname: string;
  avatar: string;
}

/** One member's side of a customer relationship (WeCom's follow_user / follow_info). */
export interface SandboxFollow {
  userid: string;
  remark: string;
  description: string;
  /** Unix seconds. */
  createtime: number;
  /** 0 unknown, 1 QR scan, 2 phone search, 3 card share, 4 group chat, … 202 admin assign. */
  addWay: number;
  /** The 「联系我」 state the customer scanned, if any. */
  state?: string;
  /** Who started the add: the member's userid, or the customer's external_userid. */
  operUserid: string;
  /** Corp tag ids only; personal tags don't exist in the sandbox. */
  tagIds: string[];
}

export interface SandboxContact {
  externalUserId: string;
  name: string;
  avatar: string;
  /** 1 WeChat user, 2 WeCom user (of another corp). */
  type: 1 | 2;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
  /** Only WeChat users (type 1) have one, as with a corp that bound its developer ID. */
  unionid?: string;
  corpName?: string;
  position?: string;
  follows: SandboxFollow[];
}

export interface SandboxCorpTag {
  id: string;
  name: string;
  /** Larger sorts first, as in WeCom. */
  order: number;
  createTime: number;
  deleted: boolean;
}

export interface SandboxTagGroup {
  groupId: string;
  groupName: string;
  order: number;
  createTime: number;
  deleted: boolean;
  tags: SandboxCorpTag[];
}

/**
 * A 离职继承 request: a departed member's customer handed to an active member. WeCom status codes: 1 taken
 * over, 2 waiting (the customer has 24 hours to refuse), 3 refused by the customer.
 */
export interface SandboxTransfer {
  handoverUserid: string;
  takeoverUserid: string;
  externalUserId: string;
  /** Unix seconds. */
  requestedAt: number;
  status: 1 | 2 | 3;
  takeoverTime?: number;
}

export interface SandboxWorld {
  corpId: string;
  corpName: string;
  agentId: number;
  agentSecret: string;
  miniProgramAppId: string;
  miniProgramSecret: string;
  departments: { id: number; name: string; parentid: number }[];
  members: SandboxMember[];
  wechatUsers: SandboxWeChatUser[];
  contacts: SandboxContact[];
  tagGroups: SandboxTagGroup[];
  transfers: SandboxTransfer[];
  /** Customers who refuse to be handed to another member (their transfers end with status 3). */
  transferRefusals: string[];
}

/** A customer as a test or the demo console introduces them; the rest takes WeCom's defaults. */
export type NewContact = Pick<SandboxContact, 'externalUserId' | 'name'> & Partial<Omit<SandboxContact, 'externalUserId' | 'name' | 'follows'>>;
/** `operUserid` defaults to the customer (a customer-initiated add), `createtime` to now. */
export type NewFollow = Pick<SandboxFollow, 'userid'> & Partial<Omit<SandboxFollow, 'userid' | 'createtime'>>;

/** A corp tag that is not deleted (nor in a deleted group), with its group. */
export function liveTag(world: SandboxWorld, tagId: string): { group: SandboxTagGroup; tag: SandboxCorpTag } | undefined {
  for (const group of world.tagGroups) {
    const tag = group.deleted ? undefined : group.tags.find((t) => t.id === tagId && !t.deleted);
    if (tag) return { group, tag };
  }
  return undefined;
}

const avatar = (key: string) => `/sandbox/demo/avatar/${key}.svg`;

/** When the demo corp set up its tag library and met its first customers (unix seconds, spring 2024). */
const SEED_TIME = 1_711_929_600;

/** The demo corp's tag library. Ids are readable so tests and demo data can name them. */
function demoTagGroups(): SandboxTagGroup[] {
  const group = (groupId: string, groupName: string, order: number, tags: [string, string][]): SandboxTagGroup => ({
    groupId,
    groupName,
    order,
    createTime: SEED_TIME,
    deleted: false,
    tags: tags.map(([id, name], i) => ({ id, name, order: tags.length - i, createTime: SEED_TIME, deleted: false })),
  });
  return [
    group('etg_level', '客户等级', 400, [['et_level_a', 'A类客户'], ['et_level_b', 'B类客户'], ['et_level_c', 'C类客户']]),
    group('etg_product', '意向产品', 300, [['et_product_skincare', '精华护肤套装'], ['et_product_fragrance', '香氛礼盒'], ['et_product_membership', '会员年卡']]),
    group('etg_source', '客户来源', 200, [['et_source_store', '门店'], ['et_source_event', '活动'], ['et_source_ad', '广告'], ['et_source_referral', '转介绍']]),
    group('etg_purchase', '购买状态', 100, [['et_purchase_yes', '已购'], ['et_purchase_no', '未购']]),
  ];
}

export function demoWorld(): SandboxWorld {
  return {
    corpId: DEMO_CREDENTIALS.corpId,
    corpName: '知客演示企业',
    agentId: DEMO_CREDENTIALS.agentId,
    agentSecret: DEMO_CREDENTIALS.agentSecret,
    miniProgramAppId: DEMO_CREDENTIALS.miniProgramAppId,
    miniProgramSecret: DEMO_CREDENTIALS.miniProgramSecret,
    departments: [
      { id: 1, name: '知客演示企业', parentid: 0 },
      { id: 2, name: '销售一部', parentid: 1 },
      { id: 3, name: '销售二部', parentid: 1 },
      { id: 4, name: '运营部', parentid: 1 },
    ],
    members: [
      { userid: 'lilei', name: '李雷', position: '销售顾问', department: [2], isLeaderInDept: [0], avatar: avatar('lilei') },
      { userid: 'hanmeimei', name: '韩梅梅', position: '销售顾问', department: [3], isLeaderInDept: [0], avatar: avatar('hanmeimei') },
      { userid: 'zhangwei', name: '张伟', position: '销售主管', department: [2, 3], isLeaderInDept: [1, 1], avatar: avatar('zhangwei') },
      { userid: 'chenjing', name: '陈静', position: '运营', department: [4], isLeaderInDept: [0], avatar: avatar('chenjing') },
    ],
    wechatUsers: [
      { openid: 'o_demo_wang', unionid: 'u_demo_wang', nickname: '王小明', avatar: avatar('wang') },
      { openid: 'o_demo_zhao', unionid: 'u_demo_zhao', nickname: '赵丽', avatar: avatar('zhao') },
      { openid: 'o_demo_sun', unionid: 'u_demo_sun', nickname: '孙强', avatar: avatar('sun') },
      { openid: 'o_demo_liu', unionid: 'u_demo_liu', nickname: '刘洋', avatar: avatar('liu') },
    ],
    contacts: [
      {
        externalUserId: 'wm_demo_wang', name: '王小明', avatar: avatar('wang'), type: 1, gender: 1, unionid: 'u_demo_wang',
        follows: [
          { userid: 'lilei', remark: '王小明（老客户）', description: '关注精华护肤套装', createtime: SEED_TIME + 86_400, addWay: 1, state: 'poster_lilei', operUserid: 'wm_demo_wang', tagIds: ['et_level_a', 'et_product_skincare', 'et_source_event', 'et_purchase_yes'] },
          { userid: 'zhangwei', remark: '', description: '', createtime: SEED_TIME + 5 * 86_400, addWay: 3, operUserid: 'zhangwei', tagIds: ['et_level_a'] },
        ],
      },
      {
        externalUserId: 'wm_demo_sun', name: '孙强', avatar: avatar('sun'), type: 1, gender: 1, unionid: 'u_demo_sun',
        follows: [{ userid: 'lilei', remark: '', description: '门店体验过香氛', createtime: SEED_TIME + 10 * 86_400, addWay: 1, operUserid: 'wm_demo_sun', tagIds: ['et_level_b', 'et_product_fragrance', 'et_source_store', 'et_purchase_no'] }],
      },
      {
        // A WeCom user of another company: no unionid, but a corp name and position.
        externalUserId: 'wm_demo_chen', name: '陈先生', avatar: avatar('wm_demo_chen'), type: 2, gender: 1, corpName: '晨光贸易', position: '采购经理',
        follows: [{ userid: 'hanmeimei', remark: '陈总', description: '企业团购意向', createtime: SEED_TIME + 20 * 86_400, addWay: 2, operUserid: 'hanmeimei', tagIds: ['et_level_c', 'et_source_ad'] }],
      },
    ],
    tagGroups: demoTagGroups(),
    transfers: [],
    transferRefusals: [],
  };
}

/** A small deterministic PRNG (mulberry32), so synthetic worlds are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '婷婷', '子涵'];
const ADD_WAYS = [1, 1, 1, 2, 3, 4, 6];

/**
 * Adds `count` deterministic contacts for load tests, spread over all members: each is followed by one
 * or two members and carries a level tag plus, often, a source and a purchase tag. Ids are
 * `wm_syn_<seed>_<n>`; adding the same seed twice throws rather than duplicate them.
 */
export function addSyntheticContacts(world: SandboxWorld, count: number, seed = 1): SandboxContact[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const liveTagIds = (groupId: string) => world.tagGroups.find((g) => g.groupId === groupId && !g.deleted)?.tags.filter((t) => !t.deleted).map((t) => t.id) ?? [];
  const added: SandboxContact[] = [];
  for (let n = 0; n < count; n++) {
    const externalUserId = `wm_syn_${seed}_${String(n).padStart(5, '0')}`;
    if (world.contacts.some((c) => c.externalUserId === externalUserId)) throw new Error(`synthetic contact ${externalUserId} already exists`);
    const weCom = random() < 0.1;
    const first = world.members[n % world.members.length]!;
    const second = random() < 0.3 ? pick(world.members.filter((m) => m.userid !== first.userid)) : undefined;
    const follows = [first, ...(second ? [second] : [])].map((member, i): SandboxFollow => {
      const addWay = pick(ADD_WAYS);
      const tagIds = [pick(liveTagIds('etg_level')), random() < 0.6 ? pick(liveTagIds('etg_source')) : undefined, random() < 0.4 ? pick(liveTagIds('etg_purchase')) : undefined];
      return {
        userid: member.userid,
        remark: '',
        description: '',
        createtime: SEED_TIME + 30 * 86_400 + n * 3_600 + i * 600,
        addWay,
        ...(addWay === 1 ? { state: `qr_${member.userid}` } : {}),
        operUserid: addWay === 1 ? externalUserId : member.userid,
        tagIds: tagIds.filter((id): id is string => id !== undefined),
      };
    });
    const contact: SandboxContact = {
      externalUserId,
      name: pick(SURNAMES) + pick(GIVEN_NAMES),
      avatar: avatar(externalUserId),
      type: weCom ? 2 : 1,
      gender: pick([0, 1, 2] as const),
      ...(weCom ? { corpName: '合作企业', position: '采购' } : { unionid: `u_syn_${seed}_${n}` }),
      follows,
    };
    world.contacts.push(contact);
    added.push(contact);
  }
  return added;
}
