/** What a console list shows before its data: 正在加载…, or the failure with 重试. Nothing once loaded. */
export function LoadStatus({ loading, error, onRetry }: { loading: boolean; error: string | undefined; onRetry: () => void }) {
  if (loading) return <p className="muted">正在加载…</p>;
  if (error === undefined) return null;
  return (
    <p className="field-error" role="alert">
      {error}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        重试
      </button>
    </p>
  );
}
