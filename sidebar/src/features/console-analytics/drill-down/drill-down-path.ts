import type { DrillDownQuery } from '@zhike/shared/analytics';

/**
 * The customer list behind a figure: `/api/analytics/customers?population=…&…`. The CSV is the same query with
 * `format=csv` and no page (the server writes every row), so the file always matches the list on screen.
 */
export function drillDownPath(query: DrillDownQuery, options: { page: number } | { format: 'csv' }): string {
  // population first, whatever order the figure built the query in: the URL reads as what it lists.
  const params = new URLSearchParams({ population: query.population });
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  if ('page' in options) params.set('page', String(options.page));
  else params.set('format', options.format);
  return `/api/analytics/customers?${params.toString()}`;
}
