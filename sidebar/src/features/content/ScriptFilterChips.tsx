import { branchOf, categoryTree } from './category-tree';
import type { CategoriesState } from './use-script-categories';

interface ScriptFilterChipsProps {
  categories: CategoriesState;
  categoryId: string | null;
  favourites: boolean;
  onSelectCategory: (categoryId: string | null) => void;
  onToggleFavourites: () => void;
  onRetryCategories: () => void;
}

/**
 * 全部 · 收藏 · top-level categories on one scrolling row; the chosen category's sub-categories on a second
 * row. 收藏 combines with any category.
 */
export function ScriptFilterChips({ categories, categoryId, favourites, onSelectCategory, onToggleFavourites, onRetryCategories }: ScriptFilterChipsProps) {
  const tree = categories.kind === 'ready' ? categoryTree(categories.value) : [];
  const branch = branchOf(tree, categoryId);
  return (
    <div className="script-filters">
      <div className="script-chips" role="group" aria-label="话术分类">
        <Chip label="全部" pressed={categoryId === null} onClick={() => onSelectCategory(null)} testId="script-category" />
        <Chip label="★ 收藏" pressed={favourites} onClick={onToggleFavourites} testId="script-favourites-filter" />
        {tree.map(({ category }) => (
          <Chip
            key={category.id}
            label={category.name}
            pressed={branch?.category.id === category.id}
            onClick={() => onSelectCategory(category.id)}
            testId="script-category"
            categoryId={category.id}
          />
        ))}
        {categories.kind === 'loading' && <span className="skeleton script-chip-skeleton" aria-hidden="true" />}
      </div>
      {branch && branch.children.length > 0 && (
        <div className="script-chips script-subchips" role="group" aria-label={`${branch.category.name}的子分类`}>
          <Chip label={`全部${branch.category.name}`} pressed={categoryId === branch.category.id} onClick={() => onSelectCategory(branch.category.id)} testId="script-category" categoryId={branch.category.id} />
          {branch.children.map((child) => (
            <Chip key={child.id} label={child.name} pressed={categoryId === child.id} onClick={() => onSelectCategory(child.id)} testId="script-category" categoryId={child.id} />
          ))}
        </div>
      )}
      {categories.kind === 'failed' && (
        <p className="content-inline-error" role="alert">
          分类加载失败：{categories.message}
          <button type="button" className="link-button" onClick={onRetryCategories}>
            重试
          </button>
        </p>
      )}
    </div>
  );
}

function Chip({ label, pressed, onClick, testId, categoryId }: { label: string; pressed: boolean; onClick: () => void; testId: string; categoryId?: string }) {
  return (
    <button type="button" className="script-chip" aria-pressed={pressed} onClick={onClick} data-testid={testId} data-category-id={categoryId}>
      {label}
    </button>
  );
}
