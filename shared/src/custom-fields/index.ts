import { z } from 'zod';
import { RequestId, TimelineEntry } from '../timeline';

/** A field's key: stable, stored with every customer's value; its label can change. */
export const CustomFieldKey = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z][a-z0-9_]*$/, '字段标识只能包含小写字母、数字和下划线，并以字母开头')
  .describe('Field key, e.g. "budget"');

export const CustomFieldType = z.enum(['text', 'number', 'date', 'select']);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = { text: '文本', number: '数字', date: '日期', select: '单选' };

/** Text values are capped so a field stays a fact, not a note (notes are for prose). */
export const CUSTOM_TEXT_MAX = 200;

export const CustomFieldDefinition = z.object({
  key: CustomFieldKey,
  label: z.string().trim().min(1, '字段名称不能为空').max(16, '字段名称最多 16 个字'),
  type: CustomFieldType,
  /** The choices of a select field, in display order. */
  options: z.array(z.string().trim().min(1, '选项不能为空').max(20, '选项最多 20 个字')).max(50, '最多 50 个选项').optional(),
  required: z.boolean().default(false),
});
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

/** The admin's fields in display order (the order of the list is the order on the 360). */
export const ReplaceCustomFieldsRequest = z
  .strictObject({ fields: z.array(z.strictObject(CustomFieldDefinition.shape)).max(30, '最多 30 个自定义字段') })
  .superRefine(({ fields }, ctx) => {
    fields.forEach((field, index) => {
      const at = (name: string) => ['fields', index, name];
      if (fields.findIndex((other) => other.key === field.key) < index) ctx.addIssue({ code: 'custom', path: at('key'), message: `字段标识 ${field.key} 重复` });
      if (fields.findIndex((other) => other.label === field.label) < index) ctx.addIssue({ code: 'custom', path: at('label'), message: `字段名称「${field.label}」重复` });
      if (field.type === 'select' && !field.options?.length) ctx.addIssue({ code: 'custom', path: at('options'), message: '单选字段至少需要一个选项' });
      if (field.type !== 'select' && field.options) ctx.addIssue({ code: 'custom', path: at('options'), message: '只有单选字段可以设置选项' });
      if (field.options && new Set(field.options).size < field.options.length) ctx.addIssue({ code: 'custom', path: at('options'), message: '选项重复' });
    });
  });
export type ReplaceCustomFieldsRequest = z.infer<typeof ReplaceCustomFieldsRequest>;

export const CustomFieldsResponse = z.object({ fields: z.array(CustomFieldDefinition) }).meta({ id: 'CustomFieldsResponse' });
export type CustomFieldsResponse = z.infer<typeof CustomFieldsResponse>;

/** A stored value: text, select option and date ("2026-05-21", a Beijing calendar day) as strings; numbers as numbers. */
export const CustomFieldValue = z.union([z.string(), z.number()]);
export type CustomFieldValue = z.infer<typeof CustomFieldValue>;

/** One field of one customer, as the 360 shows it; null when not filled in. */
export const CustomerFieldView = CustomFieldDefinition.extend({ value: CustomFieldValue.nullable() });
export type CustomerFieldView = z.infer<typeof CustomerFieldView>;

/**
 * A salesperson fills in or changes fields of a customer they can see; null clears a field. Checked against
 * each field's type (400 naming the field); `requestId` makes a retried request apply once.
 */
export const UpdateCustomerFieldsRequest = z
  .strictObject({
    requestId: RequestId,
    values: z.record(CustomFieldKey, CustomFieldValue.nullable()),
  })
  .refine((body) => Object.keys(body.values).length > 0, { message: '至少修改一个字段', path: ['values'] })
  .refine((body) => Object.keys(body.values).length <= 30, { message: '一次最多修改 30 个字段', path: ['values'] });
export type UpdateCustomerFieldsRequest = z.infer<typeof UpdateCustomerFieldsRequest>;

/** Every field of the customer after the change, and its timeline entry (none when nothing changed). */
export const UpdateCustomerFieldsResponse = z
  .object({ fields: z.array(CustomerFieldView), entry: TimelineEntry.optional() })
  .meta({ id: 'UpdateCustomerFieldsResponse' });
export type UpdateCustomerFieldsResponse = z.infer<typeof UpdateCustomerFieldsResponse>;
