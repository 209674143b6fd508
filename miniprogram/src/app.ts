import './lib/zod-config';
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { prefetchInviteCode } from './features/referral/invite-code';
import { captureInviter, claimPendingReferral } from './features/referral/inviter';
import { onLogin, readSession, warmUpSession } from './lib/auth';
import { installAppTracking } from './lib/tracking';
import './app.css';

type LaunchQuery = Record<string, string | undefined>;

export default function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    const query = (options?.query ?? {}) as LaunchQuery;
    installAppTracking(query);
    // A share path's inviter is claimed once the customer is logged in (now, or when login completes).
    onLogin(() => {
      void claimPendingReferral();
      prefetchInviteCode();
    });
    captureInviter(query);
    warmUpSession();
    if (readSession()) prefetchInviteCode();
  });
  return children;
}
