import { CUSTOM_TEXT_MAX, type CustomFieldDefinition, type CustomFieldValue, type CustomerFieldView } from '@zhike/shared/custom-fields';
import type { ErrorDetail } from '@zhike/shared/errors';
import { AppError } from '../../platform/http/app-error';

/** A customer's values by field key, as stored on the customer. */
export type CustomFieldValues = Record<string, CustomFieldValue>;

/** What an edit does: values to set, keys to clear. */
export interface CustomFieldChange {
  set: CustomFieldValues;
  clear: string[];
}

const isCalendarDay = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** Why `value` does not fit `field`, in words for the salesperson; null when it fits. */
function problemWith(field: CustomFieldDefinition, value: CustomFieldValue): string | null {
  const name = `「${field.label}」`;
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return `${name}需要填写文字`;
      return [...value].length > CUSTOM_TEXT_MAX ? `${name}最多 ${CUSTOM_TEXT_MAX} 个字` : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${name}需要填写数字`;
    case 'date':
      return typeof value === 'string' && isCalendarDay(value) ? null : `${name}需要填写日期（如 2026-05-21）`;
    case 'select':
      return typeof value === 'string' && field.options?.includes(value) ? null : `${name}只能选择：${(field.options ?? []).join('、')}`;
  }
}

/**
 * Checks an edit against the fields' definitions: every offending field is named (400) and nothing is saved.
 * Blank text counts as clearing; a required field cannot be cleared.
 */
export function checkFieldEdit(fields: CustomFieldDefinition[], values: Record<string, CustomFieldValue | null>): CustomFieldChange {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const details: ErrorDetail[] = [];
  const change: CustomFieldChange = { set: {}, clear: [] };
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    const at = `body.values.${key}`;
    if (!field) {
      details.push({ field: at, issue: `未知字段 ${key}` });
      continue;
    }
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === null || value === '') {
      if (field.required) details.push({ field: at, issue: `「${field.label}」是必填项，不能清空` });
      else change.clear.push(key);
      continue;
    }
    const problem = problemWith(field, value);
    if (problem) details.push({ field: at, issue: problem });
    else change.set[key] = value;
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', details.length === 1 ? details[0]!.issue : `有 ${details.length} 个字段填写不正确`, details);
  return change;
}

/** Only what differs from what the customer holds, so an edit that changes nothing records nothing. */
export function effectiveChange(change: CustomFieldChange, held: CustomFieldValues): CustomFieldChange {
  return {
    set: Object.fromEntries(Object.entries(change.set).filter(([key, value]) => held[key] !== value)),
    clear: change.clear.filter((key) => held[key] !== undefined),
  };
}

/** The 360's fields: every active field in order with this customer's value (values of removed fields stay stored, unshown). */
export function customerFieldViews(fields: CustomFieldDefinition[], held: CustomFieldValues = {}): CustomerFieldView[] {
  return fields.map((field) => ({ ...field, value: held[field.key] ?? null }));
}
