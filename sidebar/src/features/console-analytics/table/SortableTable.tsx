import { useState, type ReactNode } from 'react';
import { nextSort, sortRows, type SortValue, type TableSort } from './table-sort';

export interface Column<T> {
  key: string;
  label: string;
  cell: (row: T) => ReactNode;
  /** What the column sorts by; absent = not sortable. */
  sortValue?: (row: T) => SortValue;
  /** Text columns sort A→Z first and align left; figures sort biggest first and align right. */
  text?: boolean;
  /** A hint on the header (what the figure means). */
  title?: string;
}

interface SortableTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  initialSort: TableSort;
  /** The table's accessible name, and the `data-testid` prefix of its rows (`${testId}-row`) and sort buttons (`${testId}-sort-<key>`). */
  label: string;
  testId: string;
}

/** A table whose headers sort it (click again to flip); scrolls sideways on a tablet instead of squeezing. */
export function SortableTable<T>({ rows, columns, rowKey, initialSort, label, testId }: SortableTableProps<T>) {
  const [sort, setSort] = useState(initialSort);
  const sortColumn = columns.find((column) => column.key === sort.key);
  const sorted = sortColumn?.sortValue ? sortRows(rows, sortColumn.sortValue, sort.descending) : rows;

  return (
    <div className="table-scroll">
      <table className="stats-table analytics-table" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort.key === column.key;
              return (
                <th key={column.key} className={column.text ? undefined : 'num'} title={column.title} aria-sort={column.sortValue ? (active ? (sort.descending ? 'descending' : 'ascending') : 'none') : undefined}>
                  {column.sortValue ? (
                    <button type="button" className="sort-button" data-testid={`${testId}-sort-${column.key}`} onClick={() => setSort(nextSort(sort, column.key, column.text ?? false))}>
                      {column.label}
                      <span aria-hidden="true" className={active ? 'sort-mark sort-mark-active' : 'sort-mark'}>
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-testid={`${testId}-row`}>
              {columns.map((column) => (
                <td key={column.key} className={column.text ? undefined : 'num'}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
