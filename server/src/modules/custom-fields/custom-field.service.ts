import { CUSTOM_FIELD_TYPE_LABELS, type CustomFieldDefinition } from '@zhike/shared/custom-fields';
import { AppError } from '../../platform/http/app-error';
import type { CustomFieldRepository } from './custom-field.repository';

/** Every 360 reads the definitions, which change rarely: kept in memory this long (other processes catch up within it). */
const CACHE_MS = 30_000;

/** The admin's custom fields (资料字段): their definitions, in display order. */
export class CustomFieldService {
  private cached: { fields: CustomFieldDefinition[]; until: number } | undefined;

  constructor(
    private readonly corpId: string,
    private readonly repository: CustomFieldRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async definitions(): Promise<CustomFieldDefinition[]> {
    const now = this.now().getTime();
    if (this.cached && this.cached.until > now) return this.cached.fields;
    const { fields } = await this.repository.find(this.corpId);
    this.cached = { fields, until: now + CACHE_MS };
    return fields;
  }

  /**
   * Replaces the field list (labels, order, options, required, new fields, removals). A removed field's values
   * stay on customers and come back with it; so a key keeps its type for good (409 when the type changes).
   */
  async replace(fields: CustomFieldDefinition[], by: string): Promise<CustomFieldDefinition[]> {
    const current = await this.repository.find(this.corpId);
    const known = new Map([...current.retired, ...current.fields].map((field) => [field.key, field]));
    const retyped = fields.flatMap((field, index) => {
      const before = known.get(field.key);
      return before && before.type !== field.type
        ? [{ field: `body.fields.${index}.type`, issue: `字段 ${field.key} 已是${CUSTOM_FIELD_TYPE_LABELS[before.type]}类型，不能改为${CUSTOM_FIELD_TYPE_LABELS[field.type]}；请换一个字段标识` }]
        : [];
    });
    if (retyped.length) throw new AppError('CONFLICT', '已有资料的字段不能改类型', retyped);
    const active = new Set(fields.map((field) => field.key));
    const retired = [...known.values()].filter((field) => !active.has(field.key));
    await this.repository.save(this.corpId, { fields, retired }, by, this.now());
    this.cached = undefined;
    return this.definitions();
  }
}
