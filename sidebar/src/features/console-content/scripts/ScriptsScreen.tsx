import type { ScriptView } from '@zhike/shared/scripts';
import { useState } from 'react';
import { NeedsPermission } from '../../../lib/ui/NeedsPermission';
import type { ConsoleContentScreenProps } from '../console-content-screen';
import { CategoryTree } from './CategoryTree';
import { ScriptEditor } from './ScriptEditor';
import { ScriptList } from './ScriptList';
import type { ScriptFilter } from './scripts.api';
import { draftFromScript, emptyScriptDraft, type ScriptDraft } from './script-draft';
import { useScriptCategories } from './use-script-categories';
import { useScriptSearch } from './use-script-search';

const FIRST_PAGE: ScriptFilter = { q: '', categoryId: null, type: null, includeRetired: true, offset: 0 };

/** 话术管理: categories on the left, the searchable list in the middle, the editor (with preview) on the right. */
export default function ScriptsScreen({ staff }: ConsoleContentScreenProps) {
  const categories = useScriptCategories();
  const [filter, setFilter] = useState(FIRST_PAGE);
  const search = useScriptSearch(filter);
  // `key` gives every opened script a fresh editor, so one script's unsaved state never leaks into another's.
  const [editing, setEditing] = useState<{ key: string; draft: ScriptDraft } | null>(null);

  if (search.state.kind === 'failed' && search.state.error.forbidden) return <NeedsPermission minRole="admin" screen="话术管理" />;

  const changeFilter = (change: Partial<ScriptFilter>) => setFilter((current) => ({ ...current, ...change }));
  const items = search.state.kind === 'ready' ? search.state.page.items : [];

  function open(scriptId: string) {
    const script = items.find((item) => item.id === scriptId);
    if (script) setEditing({ key: script.id, draft: draftFromScript(script) });
  }

  function create() {
    const categoryId = filter.categoryId ?? categories.categories[0]?.id ?? '';
    setEditing({ key: `new-${Date.now()}`, draft: emptyScriptDraft(categoryId) });
  }

  function saved(script: ScriptView) {
    // The editor stays open on the saved script; the list shows its new title, version or retired mark.
    // The same key keeps the editor mounted; the id marks the row in the list.
    setEditing((current) => (current ? { ...current, draft: { ...current.draft, id: script.id } } : current));
    search.reload();
  }

  return (
    <div className="scripts-screen">
      <CategoryTree handle={categories} selectedId={filter.categoryId} onSelect={(categoryId) => changeFilter({ categoryId, offset: 0 })} />
      <ScriptList
        filter={filter}
        onFilter={changeFilter}
        state={search.state}
        categories={categories.categories}
        selectedId={editing?.draft.id ?? null}
        onOpen={open}
        onCreate={create}
        onRetry={search.reload}
      />
      {editing ? (
        <ScriptEditor key={editing.key} initial={editing.draft} categories={categories.categories} staff={staff} onSaved={saved} onClose={() => setEditing(null)} />
      ) : (
        <section className="console-card editor-placeholder">
          <p className="muted">在列表中选择一条话术进行编辑，或点“新建话术”。</p>
        </section>
      )}
    </div>
  );
}
