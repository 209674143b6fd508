const TABS = [
  { key: 'customer', label: '客户', ready: true },
  { key: 'scripts', label: '话术', ready: false },
  { key: 'posters', label: '海报', ready: false },
  { key: 'orders', label: '订单', ready: false },
] as const;

/** The sidebar's four sections; only 客户 exists so far, the others say they are coming. */
export function ToolbarTabs() {
  return (
    <nav className="toolbar-tabs" role="tablist" aria-label="知客功能">
      {TABS.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          className="toolbar-tab"
          aria-selected={tab.ready}
          disabled={!tab.ready}
          title={tab.ready ? undefined : '即将上线'}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}
