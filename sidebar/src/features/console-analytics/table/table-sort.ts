export interface TableSort {
  key: string;
  descending: boolean;
}

export type SortValue = number | string | null;

/**
 * Clicking the sorted column flips it; another column starts with the biggest number first (who sold most)
 * or, for a text column, in 拼音 order.
 */
export function nextSort(current: TableSort, key: string, textColumn: boolean): TableSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: !textColumn };
}

/**
 * Sorted copy. Empty figures ("—": no sends, so no open rate) go last in either direction, so flipping a
 * column shows the real lowest values rather than a block of blanks. Ties keep the given order.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, descending: boolean): T[] {
  const sign = descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'string' || typeof b.value === 'string' ? String(a.value).localeCompare(String(b.value), 'zh-CN') : a.value - b.value;
      return sign * order || a.index - b.index;
    })
    .map(({ row }) => row);
}
