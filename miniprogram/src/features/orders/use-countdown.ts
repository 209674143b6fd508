import { useEffect, useState } from 'react';

function msUntil(deadline: string | undefined): number {
  return deadline ? Math.max(0, Date.parse(deadline) - Date.now()) : 0;
}

/** Milliseconds left until `deadline` (ISO), ticking every second while above zero; 0 once passed. */
export function useCountdown(deadline: string | undefined): number {
  const [remaining, setRemaining] = useState(() => msUntil(deadline));
  useEffect(() => {
    setRemaining(msUntil(deadline));
    if (!deadline) return undefined;
    const timer = setInterval(() => {
      const next = msUntil(deadline);
      setRemaining(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return remaining;
}

/** 899_000 → "14:59"; an hour or more → "1小时05分". */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}小时${pad(Math.floor((seconds % 3600) / 60))}分`;
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}
