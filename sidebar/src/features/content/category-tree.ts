import type { ScriptCategory } from '@zhike/shared/scripts';

export interface CategoryBranch {
  category: ScriptCategory;
  children: ScriptCategory[];
}

/** Top-level categories with their sub-categories, each level in the admins' order (shared before personal). */
export function categoryTree(categories: readonly ScriptCategory[]): CategoryBranch[] {
  const byOrder = (a: ScriptCategory, b: ScriptCategory) => scopeRank(a) - scopeRank(b) || a.order - b.order || a.name.localeCompare(b.name, 'zh-CN');
  const known = new Set(categories.map((c) => c.id));
  // A sub-category whose parent is gone is shown at the top level rather than lost.
  const roots = categories.filter((c) => c.parentId === null || !known.has(c.parentId)).sort(byOrder);
  return roots.map((category) => ({ category, children: categories.filter((c) => c.parentId === category.id).sort(byOrder) }));
}

/** The top-level branch a selection belongs to (itself, or its parent's). */
export function branchOf(tree: readonly CategoryBranch[], categoryId: string | null): CategoryBranch | undefined {
  if (!categoryId) return undefined;
  return tree.find((branch) => branch.category.id === categoryId || branch.children.some((child) => child.id === categoryId));
}

function scopeRank(category: ScriptCategory): number {
  return category.scope === 'shared' ? 0 : 1;
}
