import { Schema, type Connection, type Model } from 'mongoose';
import { editTrailFields, type EditTrail } from '../../platform/db/edit-trail';
import type { PosterLayer } from '@zhike/shared/posters';

export interface PosterTemplateDocument extends EditTrail {
  corpId: string;
  name: string;
  campaign: string;
  width: number;
  height: number;
  backgroundAssetId: string;
  qrPage: string;
  scanValidDays: number;
  layers: PosterLayer[];
}

const PosterTemplateSchema = new Schema<PosterTemplateDocument>(
  {
    corpId: { type: String, required: true },
    name: { type: String, required: true },
    campaign: { type: String, default: '' },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    backgroundAssetId: { type: String, required: true },
    qrPage: { type: String, required: true },
    scanValidDays: { type: Number, required: true },
    layers: { type: Schema.Types.Mixed, required: true },
    ...editTrailFields,
  },
  { collection: 'poster_templates', versionKey: false },
);
PosterTemplateSchema.index({ corpId: 1 });

/**
 * The short code a personalised poster's mini-program code carries (WeChat allows 32 characters), and
 * what it stands for: whose poster, sent to whom, for which campaign, until when.
 */
export interface PosterSceneDocument {
  corpId: string;
  scene: string;
  templateId: string;
  userid: string;
  customerId: string;
  campaign: string;
  /** The mini-program code image, once fetched from WeChat. */
  codeAssetId?: string;
  createdAt: Date;
  expiresAt: Date;
}

const PosterSceneSchema = new Schema<PosterSceneDocument>(
  {
    corpId: { type: String, required: true },
    scene: { type: String, required: true },
    templateId: { type: String, required: true },
    userid: { type: String, required: true },
    customerId: { type: String, required: true },
    campaign: { type: String, default: '' },
    codeAssetId: String,
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'poster_scenes', versionKey: false },
);
PosterSceneSchema.index({ scene: 1 }, { unique: true });
PosterSceneSchema.index({ corpId: 1, templateId: 1, userid: 1, customerId: 1, expiresAt: -1 });

export function posterModels(connection: Connection) {
  return {
    templates: (connection.models.PosterTemplate ?? connection.model<PosterTemplateDocument>('PosterTemplate', PosterTemplateSchema)) as Model<PosterTemplateDocument>,
    scenes: (connection.models.PosterScene ?? connection.model<PosterSceneDocument>('PosterScene', PosterSceneSchema)) as Model<PosterSceneDocument>,
  };
}
