import type { ReactNode } from 'react';

interface StatusScreenProps {
  tone: 'info' | 'error';
  title: string;
  message: ReactNode;
  action?: { label: string; onClick: () => void };
  children?: ReactNode;
}

/** A full-height message for states where the page cannot show its content: what happened, what to do. */
export function StatusScreen({ tone, title, message, action, children }: StatusScreenProps) {
  return (
    <section className={`status-screen status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="status-icon" aria-hidden="true">
        {tone === 'error' ? '!' : 'i'}
      </div>
      <h1 className="status-title">{title}</h1>
      <p className="status-message">{message}</p>
      {children}
      {action && (
        <button type="button" className="button button-primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
