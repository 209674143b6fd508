import type { SandboxDemoDirectory } from '@zhike/shared/demo';
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { describeError, type ErrorText } from '../../lib/describe-error';
import { logout } from '../session/staff.api';
import { publishDemoClientState } from './demo-bridge-contract';
import { fetchDemoDirectory } from './demo-directory.api';
import { readMemberCookie, writeMemberCookie } from './member-cookie';

export interface DemoSession {
  directory: SandboxDemoDirectory | null;
  loadError: ErrorText | null;
  memberUserid: string | null;
  externalUserId: string | null;
  wechatOpenid: string | null;
  /** Bumped to reload the sidebar iframe (new member or new chat) and the console iframe (new member). */
  sidebarLoad: number;
  consoleLoad: number;
  notice: string | null;
  chooseMember: (userid: string) => Promise<void>;
  chooseChat: (externalUserId: string) => void;
  chooseWechatUser: (openid: string) => void;
}

/**
 * Who the visitor plays: the member signed in to "WeCom" (a cookie the sandbox OAuth page reads), the open
 * chat (read by the bridge in the sidebar iframe), and the WeChat user holding the phone.
 */
export function useDemoSession(): DemoSession {
  const [directory, setDirectory] = useState<SandboxDemoDirectory | null>(null);
  const [loadError, setLoadError] = useState<ErrorText | null>(null);
  const [memberUserid, setMemberUserid] = useState<string | null>(null);
  const [externalUserId, setExternalUserId] = useState<string | null>(null);
  const [wechatOpenid, setWechatOpenid] = useState<string | null>(null);
  const [sidebarLoad, setSidebarLoad] = useState(0);
  const [consoleLoad, setConsoleLoad] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  // Before the reloaded sidebar asks the bridge which chat is open (its page load is async, this is not).
  useLayoutEffect(() => publishDemoClientState({ memberUserid, externalUserId }), [memberUserid, externalUserId]);

  const signIn = useCallback(async (dir: SandboxDemoDirectory, userid: string, endSession: boolean) => {
    writeMemberCookie(userid);
    if (endSession) {
      // The old member's session cookie would keep the sidebar signed in as them; end it so OAuth runs again.
      try {
        await logout();
        setNotice(null);
      } catch (error) {
        setNotice(`切换成员时没能退出上一位成员的登录：${describeError(error).message}`);
      }
    }
    const contacts = dir.contactsByMember[userid] ?? [];
    setMemberUserid(userid);
    setExternalUserId(contacts[0]?.external_userid ?? null);
    setSidebarLoad((n) => n + 1);
    setConsoleLoad((n) => n + 1);
  }, []);

  useEffect(() => {
    let live = true;
    fetchDemoDirectory().then(
      async (dir) => {
        if (!live) return;
        setDirectory(dir);
        const remembered = readMemberCookie();
        const known = dir.members.some((m) => m.userid === remembered);
        const first = dir.members[0]?.userid;
        const userid = known && remembered ? remembered : first;
        if (!userid) return setLoadError({ title: '没有演示成员', message: '演示数据里没有企业微信成员，请重启服务器以重新生成演示数据。' });
        const initialContact = dir.contactsByMember[userid]?.[0];
        setWechatOpenid(initialContact?.openid ?? dir.wechatUsers[0]?.openid ?? null);
        // A remembered member already matches the session; anyone else needs a fresh login.
        await signIn(dir, userid, !known);
      },
      (error: unknown) => {
        if (!live) return;
        const { message } = describeError(error);
        setLoadError({ title: '演示数据加载失败', message: `${message} 演示台需要服务器以演示模式运行（不配置企业微信凭据时执行 npm start）。` });
      },
    );
    return () => {
      live = false;
    };
  }, [signIn]);

  const chooseMember = useCallback(
    async (userid: string) => {
      if (directory && userid !== memberUserid) await signIn(directory, userid, true);
    },
    [directory, memberUserid, signIn],
  );

  const chooseChat = useCallback((id: string) => {
    setExternalUserId(id);
    setSidebarLoad((n) => n + 1);
  }, []);

  return {
    directory,
    loadError,
    memberUserid,
    externalUserId,
    wechatOpenid,
    sidebarLoad,
    consoleLoad,
    notice,
    chooseMember,
    chooseChat,
    chooseWechatUser: setWechatOpenid,
  };
}
