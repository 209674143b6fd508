import { Schema, type Connection, type Model } from 'mongoose';
import { editTrailFields, type EditTrail } from '../../platform/db/edit-trail';
import type { ScriptContent, ScriptScope } from '@zhike/shared/scripts';

export interface ScriptDocument extends EditTrail {
  corpId: string;
  scope: ScriptScope;
  /** The salesperson a personal script belongs to. */
  ownerUserid?: string;
  categoryId: string;
  title: string;
  content: ScriptContent;
  keywords: string[];
  stages: string[];
  tagIds: string[];
  usageCount: number;
}

const ScriptSchema = new Schema<ScriptDocument>(
  {
    corpId: { type: String, required: true },
    scope: { type: String, required: true, enum: ['shared', 'personal'] },
    ownerUserid: String,
    categoryId: { type: String, required: true },
    title: { type: String, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    keywords: { type: [String], default: [] },
    stages: { type: [String], default: [] },
    tagIds: { type: [String], default: [] },
    usageCount: { type: Number, default: 0 },
    ...editTrailFields,
  },
  { collection: 'scripts', versionKey: false, minimize: false },
);
ScriptSchema.index({ corpId: 1, updatedAt: -1 });

export interface ScriptCategoryDocument {
  corpId: string;
  scope: ScriptScope;
  ownerUserid?: string;
  name: string;
  parentId: string | null;
  order: number;
  createdAt: Date;
  retiredAt?: Date;
}

const ScriptCategorySchema = new Schema<ScriptCategoryDocument>(
  {
    corpId: { type: String, required: true },
    scope: { type: String, required: true, enum: ['shared', 'personal'] },
    ownerUserid: String,
    name: { type: String, required: true },
    parentId: { type: String, default: null },
    order: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    retiredAt: Date,
  },
  { collection: 'script_categories', versionKey: false },
);
ScriptCategorySchema.index({ corpId: 1 });

export interface ScriptFavouriteDocument {
  corpId: string;
  userid: string;
  scriptId: string;
  at: Date;
}

const ScriptFavouriteSchema = new Schema<ScriptFavouriteDocument>(
  { corpId: { type: String, required: true }, userid: { type: String, required: true }, scriptId: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'script_favourites', versionKey: false },
);
ScriptFavouriteSchema.index({ corpId: 1, userid: 1, scriptId: 1 }, { unique: true });

/** One counter per corp, bumped by every script write, so each server instance knows when its search index is stale. */
interface ScriptRevisionDocument {
  _id: string;
  value: number;
}
const ScriptRevisionSchema = new Schema<ScriptRevisionDocument>({ _id: String, value: Number }, { collection: 'script_revisions', versionKey: false });

export function scriptModels(connection: Connection) {
  return {
    scripts: (connection.models.Script ?? connection.model<ScriptDocument>('Script', ScriptSchema)) as Model<ScriptDocument>,
    categories: (connection.models.ScriptCategory ?? connection.model<ScriptCategoryDocument>('ScriptCategory', ScriptCategorySchema)) as Model<ScriptCategoryDocument>,
    favourites: (connection.models.ScriptFavourite ?? connection.model<ScriptFavouriteDocument>('ScriptFavourite', ScriptFavouriteSchema)) as Model<ScriptFavouriteDocument>,
    revisions: (connection.models.ScriptRevision ?? connection.model<ScriptRevisionDocument>('ScriptRevision', ScriptRevisionSchema)) as Model<ScriptRevisionDocument>,
  };
}
