import type { Connection, Model } from 'mongoose';
import type { CustomFieldDefinition } from '@zhike/shared/custom-fields';
import { customFieldSetModel, type CustomFieldSetDocument } from './custom-field.model';

export interface CustomFieldSet {
  fields: CustomFieldDefinition[];
  retired: CustomFieldDefinition[];
}

const plain = ({ key, label, type, options, required }: CustomFieldDefinition): CustomFieldDefinition => ({ key, label, type, ...(options?.length ? { options } : {}), required });

export class CustomFieldRepository {
  private readonly sets: Model<CustomFieldSetDocument>;

  constructor(connection: Connection) {
    this.sets = customFieldSetModel(connection);
  }

  async find(corpId: string): Promise<CustomFieldSet> {
    const found = await this.sets.findOne({ corpId }).lean();
    return { fields: (found?.fields ?? []).map(plain), retired: (found?.retired ?? []).map(plain) };
  }

  /** One document per corp, replaced whole: readers see the old set or the new one. */
  async save(corpId: string, set: CustomFieldSet, by: string, at: Date): Promise<void> {
    await this.sets.updateOne({ corpId }, { $set: { ...set, updatedAt: at, updatedBy: by } }, { upsert: true });
  }
}
