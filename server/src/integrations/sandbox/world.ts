import { DEMO_CREDENTIALS } from '../../platform/config/config';

/**
 * The people of the sandbox: one corp with its members and departments, the WeChat users who hold
 * phones, and which members have which of them as external contacts. Both sandbox upstreams read it,
 * so a WeChat user's unionid matches the unionid WeCom reports for the same person.
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

export interface SandboxContact {
  externalUserId: string;
  name: string;
  unionid?: string;
  followedBy: string[];
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
}

const avatar = (key: string) => `/sandbox/demo/avatar/${key}.svg`;

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
      { externalUserId: 'wm_demo_wang', name: '王小明', unionid: 'u_demo_wang', followedBy: ['lilei', 'zhangwei'] },
      { externalUserId: 'wm_demo_sun', name: '孙强', unionid: 'u_demo_sun', followedBy: ['lilei'] },
      { externalUserId: 'wm_demo_chen', name: '陈先生', followedBy: ['hanmeimei'] },
    ],
  };
}
