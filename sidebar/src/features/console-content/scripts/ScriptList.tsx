import { formatShanghaiDateTime } from '@zhike/shared/time';
import { SCRIPT_TYPE_LABELS, ScriptType, type ScriptCategory } from '@zhike/shared/scripts';
import { SCRIPT_PAGE_SIZE, type ScriptFilter } from './scripts.api';
import { contentSummary } from './script-draft';
import type { ScriptSearchState } from './use-script-search';
import { LoadStatus } from '../../../lib/ui/LoadStatus';

interface ScriptListProps {
  filter: ScriptFilter;
  onFilter: (change: Partial<ScriptFilter>) => void;
  state: ScriptSearchState;
  categories: readonly ScriptCategory[];
  selectedId: string | null;
  onOpen: (scriptId: string) => void;
  onCreate: () => void;
  onRetry: () => void;
}

/** Search, filters and one page of scripts; a row opens the script in the editor. */
export function ScriptList({ filter, onFilter, state, categories, selectedId, onOpen, onCreate, onRetry }: ScriptListProps) {
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? '未分类';
  const page = state.kind === 'ready' ? state.page : null;
  return (
    <section className="console-card script-list" aria-label="话术列表">
      <div className="panel-head">
        <h2>话术</h2>
        <button type="button" className="button button-primary button-small" data-testid="new-script" onClick={onCreate}>
          新建话术
        </button>
      </div>
      <div className="list-filters">
        <input
          type="search"
          className="form-input"
          placeholder="搜索标题、内容或关键词"
          aria-label="搜索话术"
          data-testid="script-search"
          value={filter.q}
          onChange={(event) => onFilter({ q: event.target.value, offset: 0 })}
        />
        <select className="form-input" aria-label="类型" value={filter.type ?? ''} onChange={(event) => onFilter({ type: ScriptType.safeParse(event.target.value).data ?? null, offset: 0 })}>
          <option value="">全部类型</option>
          {ScriptType.options.map((type) => (
            <option key={type} value={type}>
              {SCRIPT_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={filter.includeRetired} onChange={(event) => onFilter({ includeRetired: event.target.checked, offset: 0 })} />
          含已停用
        </label>
      </div>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.error.message : undefined} onRetry={onRetry} />
      {page && page.items.length === 0 && <p className="muted">{filter.q ? `没有找到与“${filter.q}”相关的话术。` : '这里还没有话术，点“新建话术”添加第一条。'}</p>}
      {page && page.items.length > 0 && (
        <ul className="script-rows">
          {page.items.map((script) => (
            <li key={script.id}>
              <button type="button" className="script-row" data-testid="script-row" aria-pressed={script.id === selectedId} onClick={() => onOpen(script.id)}>
                <span className="script-row-head">
                  <span className="type-chip">{SCRIPT_TYPE_LABELS[script.content.type]}</span>
                  <span className="script-row-title">{script.title}</span>
                  {script.retired && <span className="retired-chip">已停用</span>}
                </span>
                <span className="script-row-summary">{contentSummary(script.content)}</span>
                <span className="script-row-meta">
                  {categoryName(script.categoryId)} · 使用 {script.usageCount} 次 · {formatShanghaiDateTime(script.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {page && page.total > SCRIPT_PAGE_SIZE && (
        <div className="pager">
          <button type="button" className="button button-small" disabled={filter.offset === 0} onClick={() => onFilter({ offset: Math.max(0, filter.offset - SCRIPT_PAGE_SIZE) })}>
            上一页
          </button>
          <span>
            第 {filter.offset + 1}–{Math.min(filter.offset + SCRIPT_PAGE_SIZE, page.total)} 条，共 {page.total} 条
          </span>
          <button type="button" className="button button-small" disabled={filter.offset + SCRIPT_PAGE_SIZE >= page.total} onClick={() => onFilter({ offset: filter.offset + SCRIPT_PAGE_SIZE })}>
            下一页
          </button>
        </div>
      )}
    </section>
  );
}
