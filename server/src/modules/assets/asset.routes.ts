import { AssetResponse, AssetUploadQuery, UPLOAD_LIMITS } from '@zhike/shared/content';
import { z } from 'zod';
import type { ApiRouter } from '../../platform/http/api-router';
import { AppError } from '../../platform/http/app-error';
import { staffPrincipal } from '../../platform/http/principal';
import type { AssetService } from './asset.service';

const ACCEPTED_TYPES = [...UPLOAD_LIMITS.image.contentTypes, ...UPLOAD_LIMITS.file.contentTypes];

export function registerAssetRoutes(api: ApiRouter, assets: AssetService): void {
  api.add({
    method: 'PUT',
    path: '/api/assets',
    access: 'salesperson',
    tag: 'content',
    summary: 'Uploads an image (PNG/JPG ≤ 2 MB) or a PDF (≤ 20 MB) sent as the raw body; the same bytes twice give the same asset',
    query: AssetUploadQuery,
    binaryBody: { contentTypes: ACCEPTED_TYPES, maxBytes: UPLOAD_LIMITS.file.maxBytes },
    response: AssetResponse,
    successStatus: 201,
    handler: async ({ body, query, principal, ctx }) => {
      const staff = staffPrincipal(principal);
      const asset = await assets.upload({ corpId: staff.corpId, uploadedBy: staff.userid, filename: query.filename, contentType: ctx.get('content-type'), bytes: body as Buffer });
      return { asset: assets.toView(asset) };
    },
  });

  api.add({
    method: 'GET',
    path: '/files/:key',
    access: 'anonymous',
    tag: 'content',
    summary: 'The bytes of an asset, by its unguessable key (WeCom clients load card thumbnails without a session)',
    params: z.strictObject({ key: z.string().regex(/^[a-f0-9]{32}$/) }),
    binaryResponse: { contentType: 'application/octet-stream', cacheControl: 'public, max-age=31536000, immutable' },
    handler: async ({ params }) => {
      const asset = await assets.findByKey(params.key);
      if (!asset) throw new AppError('NOT_FOUND', '素材不存在');
      return { bytes: await assets.readBytes(asset), contentType: asset.contentType };
    },
  });

  api.add({
    method: 'GET',
    path: '/api/assets/:assetId',
    access: 'salesperson',
    tag: 'content',
    summary: 'Shows an asset of your corp by id: redirects to its public address (editors display saved scripts’ images this way)',
    params: z.strictObject({ assetId: z.string().regex(/^[a-f0-9]{24}$/, '素材 ID 格式不正确') }),
    redirects: true,
    handler: async ({ params, principal, ctx }) => {
      const asset = await assets.findById(staffPrincipal(principal).corpId, params.assetId);
      if (!asset) throw new AppError('NOT_FOUND', '素材不存在');
      ctx.redirect(assets.publicUrlOf(asset));
    },
  });
}
