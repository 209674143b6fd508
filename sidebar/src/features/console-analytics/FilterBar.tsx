import { useEffect, useId, useState } from 'react';
import { beijingToday, matchingPreset, presetRange, RANGE_PRESETS, rangeProblem, type AnalyticsFilter } from './analytics-filter';
import { fetchDepartments } from './analytics.api';
import { useReport } from './use-report';

interface FilterBarProps {
  filter: AnalyticsFilter;
  onChange: (filter: AnalyticsFilter) => void;
  onRefresh: () => void;
  /** RFM and segments are "as of now": they take the department but no range. */
  showRange: boolean;
}

/** Range presets, the two dates, the department and 刷新; wraps onto more lines on a tablet. */
export function FilterBar({ filter, onChange, onRefresh, showRange }: FilterBarProps) {
  const today = beijingToday();
  const departments = useReport(fetchDepartments, 'departments');
  const ids = { from: useId(), to: useId(), department: useId() };
  // The dates as typed: a half-typed or reversed range is shown with its problem, and asked for only once valid.
  const [draft, setDraft] = useState({ from: filter.from, to: filter.to });
  useEffect(() => setDraft({ from: filter.from, to: filter.to }), [filter.from, filter.to]);
  const problem = draft.from && draft.to ? rangeProblem(draft.from, draft.to) : '请选择开始和结束日期';
  const active = matchingPreset(filter, today);

  const typeDate = (field: 'from' | 'to', value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (next.from && next.to && rangeProblem(next.from, next.to) === null) onChange({ ...filter, ...next });
  };

  return (
    <div className="analytics-filters" role="search" aria-label="筛选">
      {showRange && (
        <>
          <div className="segmented" role="radiogroup" aria-label="时间范围">
            {RANGE_PRESETS.map((preset) => (
              <button
                key={preset.id}
                type="button"
                role="radio"
                className="segment"
                aria-checked={active === preset.id}
                data-testid={`range-${preset.id}`}
                onClick={() => onChange({ ...filter, ...presetRange(preset.id, today) })}
              >
                {preset.label}
              </button>
            ))}
          </div>
          <span className="analytics-dates">
            <label className="visually-hidden" htmlFor={ids.from}>
              开始日期
            </label>
            <input id={ids.from} className="form-input" type="date" value={draft.from} max={today} aria-invalid={problem !== null || undefined} data-testid="range-from" onChange={(event) => typeDate('from', event.target.value)} />
            <span aria-hidden="true">至</span>
            <label className="visually-hidden" htmlFor={ids.to}>
              结束日期
            </label>
            <input id={ids.to} className="form-input" type="date" value={draft.to} max={today} aria-invalid={problem !== null || undefined} data-testid="range-to" onChange={(event) => typeDate('to', event.target.value)} />
          </span>
        </>
      )}
      <span className="analytics-department">
        <label className="form-label" htmlFor={ids.department}>
          部门
        </label>
        <select
          id={ids.department}
          className="form-input"
          data-testid="department-filter"
          value={filter.department === null ? '' : String(filter.department)}
          onChange={(event) => onChange({ ...filter, department: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">全部部门</option>
          {departments.state.kind === 'ready' &&
            departments.state.value.map((department) => (
              <option key={department.departmentId} value={department.departmentId}>
                {department.name}
              </option>
            ))}
        </select>
      </span>
      <button type="button" className="button" data-testid="analytics-refresh" onClick={onRefresh}>
        刷新
      </button>
      {showRange && problem !== null && (
        <p className="field-error analytics-filter-error" role="alert">
          {problem}
        </p>
      )}
      {departments.state.kind === 'failed' && (
        <p className="field-error analytics-filter-error">
          部门列表没有加载成功：{departments.state.message}{' '}
          <button type="button" className="link-button" onClick={departments.retry}>
            重试
          </button>
        </p>
      )}
    </div>
  );
}
