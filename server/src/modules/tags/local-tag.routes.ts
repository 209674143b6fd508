import { CreateLocalTagRequest, LocalTagResponse, RenameLocalTagRequest, TagIdParams, type CorpTagView } from '@zhike/shared/tags';
import type { ApiRouter } from '../../platform/http/api-router';
import type { CorpTagRecord } from './corp-tag.repository';
import type { LocalTagService } from './local-tag.service';

const view = ({ tagId, name, groupId, groupName, source }: CorpTagRecord): { tag: CorpTagView } => ({ tag: { tagId, name, groupId, groupName, source } });

/** Admin: local-only tags (仅知客). WeCom's own tags are managed in WeCom's admin console, never here. */
export function registerLocalTagRoutes(api: ApiRouter, tags: LocalTagService): void {
  api.add({
    method: 'POST',
    path: '/api/admin/tags',
    access: 'admin',
    tag: 'tags',
    summary: 'Creates a local-only tag (never written to WeCom) in the local group of that name; 409 on a WeCom group name or a duplicate',
    body: CreateLocalTagRequest,
    response: LocalTagResponse,
    successStatus: 201,
    handler: async ({ body }) => view(await tags.create(body)),
  });

  api.add({
    method: 'PATCH',
    path: '/api/admin/tags/:tagId',
    access: 'admin',
    tag: 'tags',
    summary: 'Renames a local-only tag; 409 for a WeCom tag or a duplicate name',
    params: TagIdParams,
    body: RenameLocalTagRequest,
    response: LocalTagResponse,
    handler: async ({ params, body }) => view(await tags.rename(params.tagId, body.name)),
  });

  api.add({
    method: 'DELETE',
    path: '/api/admin/tags/:tagId',
    access: 'admin',
    tag: 'tags',
    summary: "Retires a local-only tag: gone from the library and every customer's 360, kept for history",
    params: TagIdParams,
    response: LocalTagResponse,
    handler: async ({ params }) => view(await tags.retire(params.tagId)),
  });
}
