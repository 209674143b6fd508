export type ToolbarTab = 'customer' | 'scripts' | 'posters' | 'orders' | 'mycode';

const TABS: ReadonlyArray<{ key: ToolbarTab; label: string }> = [
  { key: 'customer', label: '客户' },
  { key: 'scripts', label: '话术' },
  { key: 'posters', label: '海报' },
  { key: 'orders', label: '订单' },
  // 我的活码: the salesperson's own QR, to share with whoever they are talking to.
  { key: 'mycode', label: '活码' },
];

export function tabPanelId(tab: ToolbarTab): string {
  return `toolbar-panel-${tab}`;
}

/** The sidebar's sections. */
export function ToolbarTabs({ current, onSelect }: { current: ToolbarTab; onSelect: (tab: ToolbarTab) => void }) {
  return (
    <nav className="toolbar-tabs" role="tablist" aria-label="知客功能">
      {TABS.map((tab) => {
        const key = tab.key;
        const ready = true;
        return (
          <button
            key={key}
            type="button"
            role="tab"
            id={`toolbar-tab-${key}`}
            className="toolbar-tab"
            aria-selected={key === current}
            aria-controls={ready ? tabPanelId(key) : undefined}
            disabled={!ready}
            title={ready ? undefined : '即将上线'}
            onClick={ready ? () => onSelect(key) : undefined}
            data-testid={`tab-${key}`}
          >
            {tab.label}
          </button>
        );
      })}
    </nav>
  );
}
