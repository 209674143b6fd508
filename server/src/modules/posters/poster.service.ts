import crypto from 'node:crypto';
import { PosterTemplateFields, UpdatePosterTemplateRequest, type PosterTemplateView } from '@zhike/shared/posters';
import { AppError } from '../../platform/http/app-error';
import type { AssetRecord, AssetService } from '../assets';
import { fillVariables, type ScriptVariableValues } from '../scripts';
import { renderPoster } from './poster-renderer';
import { templateProblems } from './poster-template-rules';
import type { PosterRepository, PosterSceneRecord, PosterTemplateRecord } from './poster.repository';
import { PosterRenderCache } from './render-cache';
import type { RemoteImageLoader } from './remote-images';
import { newSceneCode } from './scene-code';

type TemplateFields = ReturnType<typeof PosterTemplateFields.parse>;
type TemplateUpdate = ReturnType<typeof UpdatePosterTemplateRequest.parse>;

export interface MiniProgramCodeSource {
  getUnlimitedWxaCode(input: { scene: string; page: string; width?: number }): Promise<{ contentType: string; bytes: Buffer }>;
}

export interface PosterPersonInput {
  name: string;
  avatarUrl?: string;
}

export interface PersonaliseInput {
  corpId: string;
  templateId: string;
  salesperson: PosterPersonInput & { userid: string };
  customer: PosterPersonInput & { id: string };
  variables: ScriptVariableValues;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** An instance's own template edits show at once; another instance's within this bound. */
const TEMPLATE_FRESHNESS_MS = 1000;
/** A code about to lapse is replaced rather than printed on a fresh poster. */
const SCENE_RENEW_MARGIN_MS = DAY_MS;

/** Poster templates (admin-managed) and the posters they become for one salesperson and one customer. */
export class PosterService {
  private readonly renders = new PosterRenderCache();
  private readonly assetBytes = new Map<string, Promise<Buffer>>();
  private readonly templates = new Map<string, { loadedAt: number; template: PosterTemplateRecord | null }>();
  /** Scenes never change once made; the current one per (template, salesperson, customer) is kept until it nears expiry. */
  private readonly scenes = new Map<string, PosterSceneRecord>();
  private readonly now: () => Date;
  private readonly newScene: () => string;

  constructor(
    private readonly deps: {
      posters: PosterRepository;
      assets: AssetService;
      codes: MiniProgramCodeSource;
      avatars: RemoteImageLoader;
      now?: () => Date;
      newScene?: () => string;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
    this.newScene = deps.newScene ?? newSceneCode;
  }

  async listTemplates(corpId: string, includeRetired: boolean): Promise<PosterTemplateView[]> {
    return (await this.deps.posters.listTemplates(corpId, includeRetired)).map(toTemplateView);
  }

  async requireActiveTemplate(corpId: string, templateId: string): Promise<PosterTemplateRecord> {
    const template = await this.findTemplateFresh(corpId, templateId);
    if (!template) throw new AppError('NOT_FOUND', '海报模板不存在');
    if (template.retiredAt) throw new AppError('CONFLICT', '该海报已下架');
    return template;
  }

  async createTemplate(editor: { corpId: string; userid: string }, fields: TemplateFields): Promise<PosterTemplateView> {
    await this.validate(editor.corpId, fields);
    const now = this.now();
    const created = await this.deps.posters.createTemplate({ corpId: editor.corpId, ...fields, version: 1, createdBy: editor.userid, updatedBy: editor.userid, createdAt: now, updatedAt: now });
    return toTemplateView(created);
  }

  async updateTemplate(editor: { corpId: string; userid: string }, templateId: string, update: TemplateUpdate): Promise<PosterTemplateView> {
    const current = await this.deps.posters.findTemplate(editor.corpId, templateId);
    if (!current) throw new AppError('NOT_FOUND', '海报模板不存在');
    const { expectedVersion, ...fields } = update;
    await this.validate(editor.corpId, fields);
    const updated = await this.deps.posters.updateTemplateAtVersion(editor.corpId, templateId, expectedVersion, { ...fields, updatedBy: editor.userid, updatedAt: this.now() });
    if (!updated) throw new AppError('CONFLICT', '这个模板刚被其他人修改过，请刷新后再改', [{ field: 'body.expectedVersion', issue: `当前版本为 ${current.version}` }]);
    this.templates.delete(`${editor.corpId}:${templateId}`);
    return toTemplateView(updated);
  }

  async retireTemplate(editor: { corpId: string; userid: string }, templateId: string): Promise<PosterTemplateView> {
    const current = await this.deps.posters.findTemplate(editor.corpId, templateId);
    if (!current) throw new AppError('NOT_FOUND', '海报模板不存在');
    if (current.retiredAt) return toTemplateView(current);
    const retired = await this.deps.posters.updateTemplateAtVersion(editor.corpId, templateId, current.version, { retiredAt: this.now(), updatedBy: editor.userid, updatedAt: this.now() });
    if (!retired) throw new AppError('CONFLICT', '这个模板刚被其他人修改过，请刷新后再试');
    this.templates.delete(`${editor.corpId}:${templateId}`);
    return toTemplateView(retired);
  }

  /** The template drawn with sample people and a placeholder code, for the editor; nothing is stored. */
  async preview(corpId: string, fields: TemplateFields, sample: { salesperson: PosterPersonInput; customer: PosterPersonInput; variables: ScriptVariableValues }): Promise<Buffer> {
    await this.validate(corpId, fields);
    const code = await this.deps.codes.getUnlimitedWxaCode({ scene: 'preview', page: fields.qrPage, width: 280 });
    return this.draw(corpId, fields, code.bytes, sample.salesperson, sample.customer, sample.variables);
  }

  /**
   * The poster for this salesperson and customer, with a code that resolves to them. Drawn once per
   * distinct input (template version, names, avatars, code) and served from memory after that.
   */
  async personalise(input: PersonaliseInput): Promise<{ png: Buffer; template: PosterTemplateRecord; scene: PosterSceneRecord }> {
    const template = await this.requireActiveTemplate(input.corpId, input.templateId);
    const scene = await this.sceneFor(template, input.salesperson.userid, input.customer.id);
    const cacheKey = `${template.id}:${input.salesperson.userid}:${input.customer.id}`;
    const inputsHash = crypto
      .createHash('sha1')
      .update(JSON.stringify([template.version, scene.scene, input.salesperson, input.customer.name, input.customer.avatarUrl, input.variables]))
      .digest('hex');
    const cached = this.renders.get(cacheKey, inputsHash);
    if (cached) return { png: cached, template, scene };
    const png = await this.draw(input.corpId, template, await this.codeFor(template, scene), input.salesperson, input.customer, input.variables);
    this.renders.set(cacheKey, inputsHash, png);
    return { png, template, scene };
  }

  /** What a scanned code stands for: 404 for a code we never made, 410 once it lapsed. */
  async resolveScene(scene: string): Promise<{ scene: PosterSceneRecord; template: PosterTemplateRecord }> {
    const found = await this.deps.posters.findScene(scene);
    if (!found) throw new AppError('NOT_FOUND', '二维码无效或已失效', [{ field: 'body.scene', issue: '无法识别' }]);
    if (found.expiresAt <= this.now()) throw new AppError('SCENE_EXPIRED', '这张海报的二维码已过期，请向销售索取新的海报', [{ field: 'body.scene', issue: '已过期' }]);
    const template = await this.deps.posters.findTemplate(found.corpId, found.templateId);
    if (!template) throw new AppError('NOT_FOUND', '二维码无效或已失效', [{ field: 'body.scene', issue: '海报不存在' }]);
    return { scene: found, template };
  }

  private async findTemplateFresh(corpId: string, templateId: string): Promise<PosterTemplateRecord | null> {
    const key = `${corpId}:${templateId}`;
    const cached = this.templates.get(key);
    if (cached && Date.now() - cached.loadedAt < TEMPLATE_FRESHNESS_MS) return cached.template;
    const template = await this.deps.posters.findTemplate(corpId, templateId);
    this.templates.set(key, { loadedAt: Date.now(), template });
    if (this.templates.size > 500) this.templates.delete(this.templates.keys().next().value!);
    return template;
  }

  private async sceneFor(template: PosterTemplateRecord, userid: string, customerId: string): Promise<PosterSceneRecord> {
    const now = this.now();
    const renewBy = new Date(now.getTime() + SCENE_RENEW_MARGIN_MS);
    const key = `${template.id}:${userid}:${customerId}`;
    const known = this.scenes.get(key);
    if (known && known.expiresAt > renewBy && known.campaign === template.campaign) return known;
    const scene = await this.findOrMakeScene(template, userid, customerId, now, renewBy);
    this.scenes.set(key, scene);
    if (this.scenes.size > 10_000) this.scenes.delete(this.scenes.keys().next().value!);
    return scene;
  }

  private async findOrMakeScene(template: PosterTemplateRecord, userid: string, customerId: string, now: Date, renewBy: Date): Promise<PosterSceneRecord> {
    const current = await this.deps.posters.currentScene(template.corpId, template.id, userid, customerId, renewBy);
    if (current && current.campaign === template.campaign) return current;
    // 65 random bits make a collision unlikely, not impossible: the unique index decides, and we draw again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const inserted = await this.deps.posters.insertScene({
        corpId: template.corpId,
        scene: this.newScene(),
        templateId: template.id,
        userid,
        customerId,
        campaign: template.campaign,
        createdAt: now,
        expiresAt: new Date(now.getTime() + template.scanValidDays * DAY_MS),
      });
      if (inserted) return inserted;
    }
    throw new Error('could not draw a free poster scene code in 5 attempts');
  }

  private async codeFor(template: PosterTemplateRecord, scene: PosterSceneRecord): Promise<Buffer> {
    if (scene.codeAssetId) {
      const stored = await this.deps.assets.findById(template.corpId, scene.codeAssetId);
      if (stored) return this.bytesOf(stored);
    }
    const code = await this.deps.codes.getUnlimitedWxaCode({ scene: scene.scene, page: template.qrPage, width: 430 });
    const asset = await this.deps.assets.upload({ corpId: template.corpId, uploadedBy: scene.userid, filename: `wxacode-${scene.scene}.png`, contentType: code.contentType, bytes: code.bytes });
    await this.deps.posters.setSceneCode(scene.id, asset.id);
    scene.codeAssetId = asset.id;
    return code.bytes;
  }

  private async draw(
    corpId: string,
    template: TemplateFields,
    qrCode: Buffer,
    salesperson: PosterPersonInput,
    customer: PosterPersonInput,
    variables: ScriptVariableValues,
  ): Promise<Buffer> {
    const layerImages = new Map<number, Buffer>();
    const texts = new Map<number, string>();
    for (const [index, layer] of template.layers.entries()) {
      if (layer.type === 'text') texts.set(index, fillVariables(layer.text, variables).text);
      if (layer.type === 'image' && layer.source === 'asset' && layer.assetId) layerImages.set(index, await this.bytesOf(await this.requireImage(corpId, layer.assetId, `body.layers.${index}.assetId`)));
    }
    const [background, salespersonAvatar, customerAvatar] = await Promise.all([
      this.requireImage(corpId, template.backgroundAssetId, 'body.backgroundAssetId').then((asset) => this.bytesOf(asset)),
      this.deps.avatars.load(salesperson.avatarUrl),
      this.deps.avatars.load(customer.avatarUrl),
    ]);
    return renderPoster({
      width: template.width,
      height: template.height,
      background,
      layers: template.layers,
      texts,
      layerImages,
      qrCode,
      salesperson: { name: salesperson.name, avatar: salespersonAvatar },
      customer: { name: customer.name, avatar: customerAvatar },
    });
  }

  private async validate(corpId: string, fields: TemplateFields): Promise<void> {
    const problems = templateProblems(fields);
    if (problems.length) throw new AppError('VALIDATION_FAILED', '海报模板不完整，请按提示修改', problems);
    await this.requireImage(corpId, fields.backgroundAssetId, 'body.backgroundAssetId');
    for (const [index, layer] of fields.layers.entries()) {
      if (layer.type === 'image' && layer.source === 'asset' && layer.assetId) await this.requireImage(corpId, layer.assetId, `body.layers.${index}.assetId`);
    }
  }

  private requireImage(corpId: string, assetId: string, field: string): Promise<AssetRecord> {
    return this.deps.assets.requireAsset(corpId, assetId, field, 'image');
  }

  /** Asset bytes never change under an id, so they are kept (a few backgrounds) instead of re-read from GridFS per render. */
  private bytesOf(asset: AssetRecord): Promise<Buffer> {
    let bytes = this.assetBytes.get(asset.id);
    if (!bytes) {
      bytes = this.deps.assets.readBytes(asset).catch((error: unknown) => {
        this.assetBytes.delete(asset.id);
        throw error;
      });
      this.assetBytes.set(asset.id, bytes);
      if (this.assetBytes.size > 100) this.assetBytes.delete(this.assetBytes.keys().next().value!);
    }
    return bytes;
  }
}

export function toTemplateView(record: PosterTemplateRecord): PosterTemplateView {
  return {
    id: record.id,
    name: record.name,
    campaign: record.campaign,
    width: record.width,
    height: record.height,
    backgroundAssetId: record.backgroundAssetId,
    qrPage: record.qrPage,
    scanValidDays: record.scanValidDays,
    layers: record.layers,
    version: record.version,
    retired: Boolean(record.retiredAt),
    updatedAt: record.updatedAt.toISOString(),
  };
}
