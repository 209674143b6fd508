import { Schema, type Connection, type Model } from 'mongoose';
import type { CustomFieldDefinition } from '@zhike/shared/custom-fields';

/** A corp's custom fields: the active ones in display order, and those removed (a key keeps its type forever). */
export interface CustomFieldSetDocument {
  corpId: string;
  fields: CustomFieldDefinition[];
  retired: CustomFieldDefinition[];
  updatedAt: Date;
  updatedBy: string;
}

const FieldSchema = new Schema<CustomFieldDefinition>(
  {
    key: { type: String, required: true },
    label: { type: String, required: true },
    type: { type: String, required: true, enum: ['text', 'number', 'date', 'select'] },
    options: { type: [String], default: undefined },
    required: { type: Boolean, required: true },
  },
  { _id: false },
);

const CustomFieldSetSchema = new Schema<CustomFieldSetDocument>(
  {
    corpId: { type: String, required: true },
    fields: { type: [FieldSchema], default: [] },
    retired: { type: [FieldSchema], default: [] },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'custom_field_sets', versionKey: false },
);
CustomFieldSetSchema.index({ corpId: 1 }, { unique: true });

export function customFieldSetModel(connection: Connection): Model<CustomFieldSetDocument> {
  return connection.models.CustomFieldSet ?? connection.model<CustomFieldSetDocument>('CustomFieldSet', CustomFieldSetSchema);
}
