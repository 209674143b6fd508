import type { SegmentView } from '@zhike/shared/analytics';
import type { StageDefinition } from '@zhike/shared/stages';
import type { CorpTagView } from '@zhike/shared/tags';
import { useId, useState } from 'react';
import { FieldError } from '../../console-content/form/FieldError';
import { FormErrorBanner } from '../../console-content/form/FormErrorBanner';
import { localFormError, toFormError, type FormError } from '../../console-content/form/form-error';
import { NumberField } from '../../console-content/form/NumberField';
import { saveSegment } from '../analytics.api';
import { activityField, draftIssues, toDraft, toRequest, type ActivityRule, type OrderedRule, type SegmentDraft } from './segment-draft';

interface SegmentFormProps {
  /** null: a new segment. */
  segment: SegmentView | null;
  tags: readonly CorpTagView[];
  stages: readonly StageDefinition[];
  onSaved: (segment: SegmentView) => void;
  onCancel: () => void;
}

const PLACED = [
  { field: 'body.name' },
  { field: 'body.rules.tagIds', nested: true },
  { field: 'body.rules.stages', nested: true },
  { field: 'body.rules.minScore' },
  { field: 'body.rules.maxScore' },
  { field: 'body.rules.activeWithinDays' },
  { field: 'body.rules.inactiveForDays' },
  { field: 'body.rules.hasOrdered' },
] as const;

/** An admin's rule-based segment: every condition set must hold; among the tags, any one will do. */
export function SegmentForm({ segment, tags, stages, onSaved, onCancel }: SegmentFormProps) {
  const [draft, setDraft] = useState<SegmentDraft>(() => toDraft(segment));
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), activity: useId(), ordered: useId() };
  const details = error?.details ?? [];
  const change = (patch: Partial<SegmentDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value));
  const tagGroups = [...new Set(tags.map((tag) => tag.groupName))];

  const save = async () => {
    const issues = draftIssues(draft);
    if (issues.length > 0) return setError(localFormError(issues));
    setSaving(true);
    setError(null);
    try {
      onSaved(await saveSegment(segment?.id ?? null, toRequest(draft)));
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="segment-form"
      aria-label={segment ? `编辑分群：${segment.name}` : '新建分群'}
      data-testid="segment-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{segment ? '编辑分群' : '新建分群'}</h2>
      <FormErrorBanner error={error} placed={PLACED} />

      <div className="form-field">
        <label className="form-label" htmlFor={ids.name}>
          分群名称
        </label>
        <input id={ids.name} className="form-input" data-testid="segment-name" maxLength={40} value={draft.name} aria-invalid={details.some((d) => d.field === 'body.name') || undefined} onChange={(event) => change({ name: event.target.value })} />
        <FieldError details={details} field="body.name" />
      </div>

      <fieldset className="form-field">
        <legend className="form-label">标签（满足任一）</legend>
        {tags.length === 0 && <p className="muted">标签库为空。</p>}
        {tagGroups.map((group) => (
          <div key={group} className="segment-tag-group">
            <span className="form-hint">{group}</span>
            <span className="stage-options">
              {tags
                .filter((tag) => tag.groupName === group)
                .map((tag) => (
                  <label key={tag.tagId} className="checkbox">
                    <input type="checkbox" data-testid={`segment-tag-${tag.tagId}`} checked={draft.tagIds.includes(tag.tagId)} onChange={(event) => change({ tagIds: toggle(draft.tagIds, tag.tagId, event.target.checked) })} />
                    {tag.name}
                  </label>
                ))}
            </span>
          </div>
        ))}
        <FieldError details={details} field="body.rules.tagIds" nested />
      </fieldset>

      <fieldset className="form-field">
        <legend className="form-label">阶段（满足任一）</legend>
        <span className="stage-options">
          {stages.map((stage) => (
            <label key={stage.key} className="checkbox">
              <input type="checkbox" data-testid={`segment-stage-${stage.key}`} checked={draft.stages.includes(stage.key)} onChange={(event) => change({ stages: toggle(draft.stages, stage.key, event.target.checked) })} />
              {stage.label}
            </label>
          ))}
        </span>
        <FieldError details={details} field="body.rules.stages" nested />
      </fieldset>

      <div className="field-row">
        <NumberField label="意向分不低于" value={draft.minScore} onChange={(minScore) => change({ minScore })} field="body.rules.minScore" details={details} min={0} max={1000} />
        <NumberField label="意向分不高于" value={draft.maxScore} onChange={(maxScore) => change({ maxScore })} field="body.rules.maxScore" details={details} min={0} max={1000} />
      </div>

      <div className="field-row">
        <div className="form-field">
          <label className="form-label" htmlFor={ids.activity}>
            活跃情况
          </label>
          <select id={ids.activity} className="form-input" data-testid="segment-activity" value={draft.activity} onChange={(event) => change({ activity: event.target.value as ActivityRule })}>
            <option value="any">不限</option>
            <option value="active">近期活跃（N 天内有活动）</option>
            <option value="inactive">沉默（至少 N 天没有活动）</option>
          </select>
        </div>
        {draft.activity !== 'any' && (
          <NumberField label="天数" unit="天" value={draft.activityDays} onChange={(activityDays) => change({ activityDays })} field={`body.rules.${activityField(draft.activity)}`} details={details} min={1} max={draft.activity === 'active' ? 365 : 3650} />
        )}
        <div className="form-field">
          <label className="form-label" htmlFor={ids.ordered}>
            购买情况
          </label>
          <select id={ids.ordered} className="form-input" data-testid="segment-ordered" value={draft.hasOrdered} onChange={(event) => change({ hasOrdered: event.target.value as OrderedRule })}>
            <option value="any">不限</option>
            <option value="yes">已下单</option>
            <option value="no">未下单</option>
          </select>
          <FieldError details={details} field="body.rules.hasOrdered" />
        </div>
      </div>
      {/* The day fields of the rule not on screen still show their issues (a server that disagrees). */}
      {draft.activity !== 'active' && <FieldError details={details} field="body.rules.activeWithinDays" />}
      {draft.activity !== 'inactive' && <FieldError details={details} field="body.rules.inactiveForDays" />}

      <div className="editor-actions">
        <button type="submit" className="button button-primary" data-testid="save-segment" disabled={saving}>
          {saving ? '正在保存…' : '保存'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
