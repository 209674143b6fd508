import type { ScriptCategory } from '@zhike/shared/scripts';
import { useState } from 'react';
import type { FormError } from '../form/form-error';
import { CategoryNameForm } from './CategoryNameForm';
import type { ScriptCategoriesHandle } from './use-script-categories';

type Editing = { mode: 'create'; parentId: string | null } | { mode: 'rename'; category: ScriptCategory } | { mode: 'retire'; category: ScriptCategory } | null;

interface CategoryTreeProps {
  handle: ScriptCategoriesHandle;
  selectedId: string | null;
  onSelect: (categoryId: string | null) => void;
}

/** Categories, one level deep: 全部, then each category with its sub-categories; create, rename and retire inline. */
export function CategoryTree({ handle, selectedId, onSelect }: CategoryTreeProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [retireError, setRetireError] = useState<FormError | null>(null);
  const { state, categories } = handle;
  const roots = categories.filter((category) => category.parentId === null);

  async function confirmRetire(category: ScriptCategory) {
    const failure = await handle.retire(category);
    setRetireError(failure);
    if (failure) return;
    setEditing(null);
    if (selectedId === category.id) onSelect(null);
  }

  function row(category: ScriptCategory, depth: 0 | 1) {
    if (editing?.mode === 'rename' && editing.category.id === category.id) {
      return (
        <li key={category.id} className={`category-row category-depth-${depth}`}>
          <CategoryNameForm initial={category.name} placeholder="分类名称" onSave={(name) => handle.rename(category, name)} onCancel={() => setEditing(null)} />
        </li>
      );
    }
    const retiring = editing?.mode === 'retire' && editing.category.id === category.id;
    return (
      <li key={category.id} className={`category-row category-depth-${depth}`}>
        <button type="button" className="category-name" aria-pressed={selectedId === category.id} onClick={() => onSelect(category.id)}>
          {category.name}
        </button>
        <span className="category-actions">
          {depth === 0 && (
            <button type="button" className="link-button" onClick={() => setEditing({ mode: 'create', parentId: category.id })}>
              加子分类
            </button>
          )}
          <button type="button" className="link-button" onClick={() => setEditing({ mode: 'rename', category })}>
            重命名
          </button>
          <button type="button" className="link-button link-danger" onClick={() => {
              setRetireError(null);
              setEditing({ mode: 'retire', category });
            }}>
            停用
          </button>
        </span>
        {retiring && (
          <div className="inline-confirm" role="alert">
            <span>停用“{category.name}”？停用后销售在侧边栏看不到这个分类。</span>
            <button type="button" className="button button-small button-danger" onClick={() => void confirmRetire(category)}>
              确定停用
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(null)}>
              取消
            </button>
            {retireError && <p className="field-error">{retireError.message}</p>}
          </div>
        )}
        {editing?.mode === 'create' && editing.parentId === category.id && (
          <CategoryNameForm initial="" placeholder="子分类名称" onSave={(name) => handle.create(name, category.id)} onCancel={() => setEditing(null)} />
        )}
      </li>
    );
  }

  return (
    <aside className="console-card category-tree" aria-label="话术分类" data-testid="category-tree">
      <div className="panel-head">
        <h2>分类</h2>
        <button type="button" className="button button-small" onClick={() => setEditing({ mode: 'create', parentId: null })}>
          新建分类
        </button>
      </div>
      {state.kind === 'loading' && <p className="muted">正在加载分类…</p>}
      {state.kind === 'failed' && (
        <p className="field-error">
          {state.error.message}{' '}
          <button type="button" className="link-button" onClick={handle.reload}>
            重试
          </button>
        </p>
      )}
      {editing?.mode === 'create' && editing.parentId === null && (
        <CategoryNameForm initial="" placeholder="分类名称" onSave={(name) => handle.create(name, null)} onCancel={() => setEditing(null)} />
      )}
      <ul className="category-list">
        <li className="category-row">
          <button type="button" className="category-name" aria-pressed={selectedId === null} onClick={() => onSelect(null)}>
            全部话术
          </button>
        </li>
        {roots.map((root) => [row(root, 0), ...categories.filter((child) => child.parentId === root.id).map((child) => row(child, 1))])}
      </ul>
    </aside>
  );
}
