import { CONTENT_ATTRIBUTION_RULE, type AnalyticsRangeQuery, type ContentReport, type ContentRow } from '@zhike/shared/analytics';
import type { ContentRollupDocument, RollupRepository } from '../../modules/analytics';
import { inDepartments, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';
import { count, entry, ratio } from './rollup-figures';

export interface ContentReportDeps {
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  rollups: Pick<RollupRepository, 'readDays'>;
  /** Script titles and poster names by id (retired ones included). */
  contentTitles(corpId: string): Promise<Map<string, string>>;
}

export const DELETED_CONTENT_TITLE = '已删除内容';

/** Per script and poster, what the sends of the viewer's departments led to in the range (the attribution rule is shown with it). */
export class ContentReportFlow {
  constructor(private readonly deps: ContentReportDeps) {}

  async content(viewer: AnalyticsViewer, query: AnalyticsRangeQuery): Promise<ContentReport> {
    const scope = await this.deps.scopes.resolve(viewer, query.department);
    const [rows, titles] = await Promise.all([this.deps.rollups.readDays<ContentRollupDocument>('content', query.from, query.to), this.deps.contentTitles(viewer.corpId)]);
    const merged = new Map<string, ContentRow & { paidFen: number; refundFen: number }>();
    for (const row of rows) {
      if (!inDepartments(scope, row.departmentId)) continue;
      const content = entry(merged, `${row.contentKind}|${row.contentId}`, () => ({
        contentKind: row.contentKind,
        contentId: row.contentId,
        title: titles.get(row.contentId) ?? DELETED_CONTENT_TITLE,
        sent: 0,
        opened: 0,
        openRate: null,
        scans: 0,
        contactsAdded: 0,
        orders: 0,
        netRevenueFen: 0,
        paidFen: 0,
        refundFen: 0,
      }));
      content.sent += count(row.sent);
      content.opened += count(row.opened);
      content.scans += count(row.scans);
      content.contactsAdded += count(row.contactsAdded);
      content.orders += count(row.orders);
      content.paidFen += count(row.paidFen);
      content.refundFen += count(row.refundFen);
    }
    return {
      range: { from: query.from, to: query.to },
      rule: CONTENT_ATTRIBUTION_RULE,
      rows: [...merged.values()]
        .map(({ paidFen, refundFen, ...content }) => ({ ...content, netRevenueFen: paidFen - refundFen, openRate: ratio(content.opened, content.sent) }))
        .sort((a, b) => b.netRevenueFen - a.netRevenueFen || b.sent - a.sent || a.contentId.localeCompare(b.contentId)),
    };
  }
}
