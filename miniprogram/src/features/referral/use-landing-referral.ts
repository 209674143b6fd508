import { useEffect, useRef, useState } from 'react';
import { currentLanding, landingErrorNotice, reportLanding } from './landing';

export type ReferralState = { status: 'none' } | { status: 'shown'; text: string } | { status: 'failed'; notice: string };

/**
 * Reports how this page load arrived (poster scan or shared card) once the customer is logged in,
 * exactly once per load: re-renders and a retried login don't report it again.
 */
export function useLandingReferral(loggedIn: boolean): ReferralState {
  const [landing] = useState(currentLanding);
  const reported = useRef(false);
  const [state, setState] = useState<ReferralState>({ status: 'none' });

  useEffect(() => {
    if (!loggedIn || !landing || reported.current) return;
    reported.current = true;
    reportLanding(landing).then(
      (text) => setState({ status: 'shown', text }),
      (error: unknown) => setState({ status: 'failed', notice: landingErrorNotice(landing, error) }),
    );
  }, [loggedIn, landing]);

  return state;
}
