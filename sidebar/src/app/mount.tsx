import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Renders a page into #root. No StrictMode: its double effects would start the boot twice, and the
 * second run would find the first run's login-redirect mark and report a loop while the page navigates.
 */
export function mount(page: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  createRoot(container).render(page);
}
