import type { ScriptView } from '@zhike/shared/scripts';
import { useCallback, useState, type ReactElement } from 'react';
import { RecommendedScripts } from './RecommendedScripts';
import { ScriptFilterChips } from './ScriptFilterChips';
import { ScriptItem } from './ScriptItem';
import { useContentSender } from './use-content-sender';
import { useDebouncedValue } from './use-debounced-value';
import { useFavouriteToggle } from './use-favourite-toggle';
import { useRecommendedScripts } from './use-recommended-scripts';
import { useScriptCategories } from './use-script-categories';
import { useScriptSearch } from './use-script-search';

/** Long enough to skip the keystrokes of one word, short enough to feel like results as you type. */
export const SEARCH_DEBOUNCE_MS = 250;

/** The 话术 tab: 为你推荐 for this customer, then the library — search, categories, favourites — one tap to send. */
export function ScriptsPanel({ externalUserId }: { externalUserId: string }) {
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [favourites, setFavourites] = useState(false);
  const q = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);

  const search = useScriptSearch({ q, categoryId, favourites });
  const categories = useScriptCategories();
  const recommended = useRecommendedScripts(externalUserId);
  const sender = useContentSender(externalUserId);
  const { replace: replaceInSearch } = search;
  const { replace: replaceInRecommended } = recommended;
  const favourite = useFavouriteToggle(
    useCallback(
      (script: ScriptView) => {
        replaceInSearch(script);
        replaceInRecommended(script);
      },
      [replaceInSearch, replaceInRecommended],
    ),
  );
  // Suggestions make room as soon as the salesperson looks for something specific.
  const browsing = query.trim() === '' && categoryId === null && !favourites;

  const renderScript = (script: ScriptView, reason?: string) => {
    const content = { kind: 'script', scriptId: script.id } as const;
    return (
      <ScriptItem
        key={script.id}
        script={script}
        reason={reason}
        testId={reason === undefined ? 'script-item' : 'recommended-script'}
        sendState={sender.stateOf(content)}
        sendDisabled={sender.busy}
        onSend={() => void sender.send(content)}
        favouritePending={favourite.pending.has(script.id)}
        onToggleFavourite={() => void favourite.toggle(script)}
      />
    );
  };

  return (
    <div className="scripts-panel">
      <div className="script-search-bar">
        <input
          type="search"
          className="script-search"
          placeholder="搜索话术标题、内容或关键词"
          aria-label="搜索话术"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="script-search"
        />
        {search.searching && search.loaded && <span className="script-searching" aria-label="正在搜索" />}
      </div>
      <ScriptFilterChips
        categories={categories.state}
        categoryId={categoryId}
        favourites={favourites}
        onSelectCategory={setCategoryId}
        onToggleFavourites={() => setFavourites((on) => !on)}
        onRetryCategories={categories.retry}
      />
      {favourite.error && (
        <p className="content-inline-error" role="alert">
          {favourite.error}
          <button type="button" className="link-button" onClick={favourite.dismissError}>
            知道了
          </button>
        </p>
      )}
      {browsing && <RecommendedScripts state={recommended.state} renderScript={renderScript} />}
      <section className="script-library" aria-label="话术库">
        {browsing && <h3 className="content-section-title">全部话术</h3>}
        <ScriptList search={search} emptyMessage={emptyMessage(query.trim() !== '' || categoryId !== null, favourites)} renderScript={renderScript} />
      </section>
    </div>
  );
}

type ScriptSearch = ReturnType<typeof useScriptSearch>;

function emptyMessage(searching: boolean, favourites: boolean): string {
  if (searching) return '没有找到相关话术，换个关键词或分类试试。';
  if (favourites) return '还没有收藏的话术：点话术右上角的 ☆ 收藏常用的。';
  return '话术库还是空的，请管理员在管理后台添加话术。';
}

interface ScriptListProps {
  search: ScriptSearch;
  emptyMessage: string;
  renderScript: (script: ScriptView) => ReactElement;
}

function ScriptList({ search, emptyMessage, renderScript }: ScriptListProps) {
  if (!search.loaded && search.searching) return <ScriptListSkeleton />;
  if (search.items.length === 0 && search.error)
    return (
      <div className="content-empty" role="alert">
        <p>话术加载失败：{search.error}</p>
        <button type="button" className="button button-small" onClick={search.retry}>
          重试
        </button>
      </div>
    );
  if (search.items.length === 0 && !search.searching)
    return (
      <p className="content-empty" data-testid="script-empty">
        {emptyMessage}
      </p>
    );
  const more = search.total - search.items.length;
  return (
    <>
      <ul className="script-list" aria-busy={search.searching}>
        {search.items.map((script) => renderScript(script))}
      </ul>
      {search.error && (
        <p className="content-inline-error" role="alert">
          {search.error}
          <button type="button" className="link-button" onClick={search.retry}>
            重试
          </button>
        </p>
      )}
      {more > 0 && (
        <button type="button" className="button script-more" onClick={search.loadMore} disabled={search.loadingMore}>
          {search.loadingMore ? '加载中…' : `加载更多（还有 ${more} 条）`}
        </button>
      )}
    </>
  );
}

function ScriptListSkeleton() {
  return (
    <div aria-busy="true">
      {[0, 1, 2].map((row) => (
        <div key={row} className="script-item">
          <div className="skeleton skeleton-line" style={{ width: '40%' }} />
          <div className="skeleton skeleton-line" style={{ width: '90%' }} />
        </div>
      ))}
      <p className="visually-hidden" role="status">
        正在加载话术…
      </p>
    </div>
  );
}
