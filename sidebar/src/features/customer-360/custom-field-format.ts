import type { Customer360 } from '@zhike/shared/customers';
import type { CustomFieldValue, CustomerFieldView } from '@zhike/shared/custom-fields';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { withTimelineEntry } from './timeline-format';

/** How a value reads on the card: numbers with thousands separators, dates and text as they are. */
export function formatFieldValue(field: CustomerFieldView): string {
  if (field.value === null) return '未填写';
  return typeof field.value === 'number' ? field.value.toLocaleString('zh-CN') : field.value;
}

/** What the inline input holds for a value ('' for none). */
export function fieldDraft(field: CustomerFieldView): string {
  return field.value === null ? '' : String(field.value);
}

/**
 * The value to send for what was typed: null clears, numbers are parsed here because JSON would turn NaN into
 * null (a silent clear). An error says what to fix instead.
 */
export function parseFieldDraft(field: CustomerFieldView, draft: string): { value: CustomFieldValue | null } | { error: string } {
  const text = draft.trim();
  if (text === '') return field.required ? { error: `「${field.label}」是必填项，不能清空` } : { value: null };
  if (field.type !== 'number') return { value: text };
  const number = Number(text.replace(/,/g, ''));
  return Number.isFinite(number) ? { value: number } : { error: `「${field.label}」需要填写数字` };
}

/** The 360 with the fields the server answered, and their timeline entry on top when there is one. */
export function withCustomFields(data: Customer360, fields: CustomerFieldView[], entry?: TimelineEntry): Customer360 {
  const updated = { ...data, customFields: fields };
  return entry ? withTimelineEntry(updated, entry) : updated;
}
