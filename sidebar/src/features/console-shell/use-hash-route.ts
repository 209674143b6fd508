import { useCallback, useEffect, useState } from 'react';

/**
 * The console's screen lives in the hash (`#/scripts`): no router library, works under any path the server
 * serves the console from (and inside the demo console's iframe), and reloading keeps the screen.
 */
export function readHashRoute(hash: string = window.location.hash): string {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

export function useHashRoute(): [string, (route: string) => void] {
  const [route, setRoute] = useState(readHashRoute);
  useEffect(() => {
    const onChange = () => setRoute(readHashRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: string) => {
    // Setting the hash adds a history entry, so the browser's back button walks the screens.
    window.location.hash = `#/${next}`;
    setRoute(next);
  }, []);
  return [route, go];
}
