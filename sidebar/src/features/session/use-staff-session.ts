import { useEffect, useState } from 'react';
import { loadStaffSession, type StaffSession } from './staff-session';

/** The page's staff session; `loading` until /api/auth/me answers (or the OAuth redirect starts). */
export function useStaffSession(): StaffSession | { kind: 'loading' } {
  const [session, setSession] = useState<StaffSession | { kind: 'loading' }>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void loadStaffSession().then((next) => live && setSession(next));
    return () => {
      live = false;
    };
  }, []);
  return session;
}
