import { useCallback, useState } from 'react';
import { MINI_PROGRAM_HOME, miniProgramUrl } from './mini-program-url';

export interface PhoneScreen {
  /** The iframe's address, or null when the demo has no WeChat user. */
  src: string | null;
  /** Changes on every navigation, so the iframe reloads even for the same address (a second tap on a card). */
  key: string;
  /** Opens a page as WeCom names it (`pages/x/y.html?t=…`), optionally handing the phone to someone first. */
  openPage: (page: string, holderOpenid?: string) => void;
  /** Hands the phone to another WeChat user, back on the home page. */
  handTo: (openid: string) => void;
}

/**
 * The customer's phone: who holds it (the demo session's WeChat user) and which mini-program page it shows.
 * Each navigation is a fresh page load, so the mini-program runs its launch (and records the open) again.
 */
export function usePhoneScreen(holderOpenid: string | null, setHolder: (openid: string) => void): PhoneScreen {
  const [page, setPage] = useState(MINI_PROGRAM_HOME);
  const [load, setLoad] = useState(0);

  const navigate = useCallback(
    (nextPage: string, nextHolder?: string) => {
      if (nextHolder) setHolder(nextHolder);
      setPage(nextPage);
      setLoad((n) => n + 1);
    },
    [setHolder],
  );

  return {
    src: holderOpenid ? miniProgramUrl(holderOpenid, page) : null,
    key: `${holderOpenid ?? ''}#${load}`,
    openPage: navigate,
    handTo: useCallback((openid: string) => navigate(MINI_PROGRAM_HOME, openid), [navigate]),
  };
}
