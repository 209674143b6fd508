import type { SaveSegmentRequest, SegmentView } from '@zhike/shared/analytics';
import type { ErrorDetail } from '@zhike/shared/errors';
import { AppError } from '../../platform/http/app-error';
import { DUPLICATE_NAME, matchSegment, segmentSummary, type SegmentPopulationDeps, type SegmentRecord, type SegmentRepository, type SnapshotRepository } from '../../modules/analytics';
import type { CorpTagRepository } from '../../modules/tags';
import { inDepartments, type AnalyticsScope, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';

export interface SegmentsFlowDeps {
  segments: Pick<SegmentRepository, 'list' | 'find' | 'create' | 'update' | 'remove'>;
  snapshots: Pick<SnapshotRepository, 'find' | 'setSegmentCounts'>;
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  population: SegmentPopulationDeps;
  tags: Pick<CorpTagRepository, 'findByTagIds'>;
  /** Stage labels by key (the corp's pipeline). */
  stageLabels(): Promise<Map<string, string>>;
  now?: () => Date;
}

const notFound = () => new AppError('NOT_FOUND', '分群不存在或已删除');
const nameTaken = () => new AppError('CONFLICT', '已有同名分群', [{ field: 'body.name', issue: '名称已被使用' }]);

/**
 * Admin-defined segments. Sizes come from the periodic snapshot, summed over the viewer's departments; a
 * saved segment is counted at once (one pass over the raw records, as a drill-down makes) so the admin sees
 * its size without waiting for the next run.
 */
export class SegmentsFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: SegmentsFlowDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async list(viewer: AnalyticsViewer): Promise<SegmentView[]> {
    const [scope, segments, snapshot] = await Promise.all([this.deps.scopes.resolve(viewer), this.deps.segments.list(viewer.corpId), this.deps.snapshots.find(viewer.corpId)]);
    return this.views(viewer.corpId, segments, scope, snapshot?.segments ?? {});
  }

  /** One segment, for its customer list; 404 when it does not exist. */
  async get(corpId: string, id: string): Promise<SegmentRecord> {
    const segment = await this.deps.segments.find(corpId, id);
    if (!segment) throw notFound();
    return segment;
  }

  async create(viewer: AnalyticsViewer, request: SaveSegmentRequest): Promise<SegmentView> {
    await this.checkNames(viewer.corpId, request);
    const created = await this.deps.segments.create(viewer.corpId, request, viewer.userid, this.now());
    if (created === DUPLICATE_NAME) throw nameTaken();
    return this.counted(viewer, created);
  }

  async update(viewer: AnalyticsViewer, id: string, request: SaveSegmentRequest): Promise<SegmentView> {
    await this.checkNames(viewer.corpId, request);
    const updated = await this.deps.segments.update(viewer.corpId, id, request, viewer.userid, this.now());
    if (updated === DUPLICATE_NAME) throw nameTaken();
    if (!updated) throw notFound();
    return this.counted(viewer, updated);
  }

  async remove(viewer: AnalyticsViewer, id: string): Promise<void> {
    if (!(await this.deps.segments.remove(viewer.corpId, id))) throw notFound();
    await this.deps.snapshots.setSegmentCounts(viewer.corpId, id, null);
  }

  private async counted(viewer: AnalyticsViewer, segment: SegmentRecord): Promise<SegmentView> {
    const [scope, { byDepartment }] = await Promise.all([
      this.deps.scopes.resolve(viewer),
      matchSegment(this.deps.population, viewer.corpId, segment.rules, 'all', this.now()),
    ]);
    await this.deps.snapshots.setSegmentCounts(viewer.corpId, segment.id, byDepartment);
    const [view] = await this.views(viewer.corpId, [segment], scope, { [segment.id]: byDepartment });
    return view!;
  }

  /** Tags must be in the library (WeCom or local-only, not deleted) and stages in the pipeline, or the segment could never match. */
  private async checkNames(corpId: string, { rules }: SaveSegmentRequest): Promise<void> {
    const [tags, stages] = await Promise.all([this.deps.tags.findByTagIds(corpId, rules.tagIds ?? []), this.deps.stageLabels()]);
    const liveTags = new Set(tags.filter((tag) => !tag.deletedAt).map((tag) => tag.tagId));
    const details: ErrorDetail[] = [
      ...(rules.tagIds ?? []).flatMap((tagId, i) => (liveTags.has(tagId) ? [] : [{ field: `body.rules.tagIds.${i}`, issue: '标签不存在或已删除' }])),
      ...(rules.stages ?? []).flatMap((stage, i) => (stages.has(stage) ? [] : [{ field: `body.rules.stages.${i}`, issue: '阶段不存在' }])),
    ];
    if (details.length) throw new AppError('VALIDATION_FAILED', '分群条件有误', details);
  }

  private async views(corpId: string, segments: SegmentRecord[], scope: AnalyticsScope, counts: Record<string, Record<string, number>>): Promise<SegmentView[]> {
    const [tags, stages] = await Promise.all([this.deps.tags.findByTagIds(corpId, [...new Set(segments.flatMap((s) => s.rules.tagIds ?? []))]), this.deps.stageLabels()]);
    const names = { tags: new Map(tags.map((tag) => [tag.tagId, tag.name])), stages };
    return segments.map((segment) => ({
      id: segment.id,
      name: segment.name,
      rules: segment.rules,
      summary: segmentSummary(segment.rules, names),
      customers: Object.entries(counts[segment.id] ?? {}).reduce((sum, [departmentId, n]) => sum + (inDepartments(scope, Number(departmentId)) ? n : 0), 0),
      updatedAt: segment.updatedAt.toISOString(),
    }));
  }
}
