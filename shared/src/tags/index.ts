import { z } from 'zod';

const TagId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '标签 ID 格式不正确');

/** 'wecom': a corp tag mirrored from WeCom, written through on change. 'local': exists only in Zhike (仅知客), never sent to WeCom. */
export const TagSource = z.enum(['wecom', 'local']);
export type TagSource = z.infer<typeof TagSource>;

export const CorpTagView = z.object({
  tagId: z.string(),
  name: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  source: TagSource,
});
export type CorpTagView = z.infer<typeof CorpTagView>;

/** The corp tag library, in WeCom's order (groups and tags with a larger order first). */
export const TagLibraryResponse = z.object({ tags: z.array(CorpTagView) }).meta({ id: 'TagLibraryResponse' });
export type TagLibraryResponse = z.infer<typeof TagLibraryResponse>;

export const TagIdParams = z.strictObject({ tagId: TagId });
export type TagIdParams = z.infer<typeof TagIdParams>;

/** WeCom caps tag and group names at 30 characters; local tags keep the same limit so they read alike. */
const TagName = z.string().trim().min(1, '名称不能为空').max(30, '名称最多 30 个字');

/**
 * An admin adds a local-only tag (beyond WeCom's quota). It goes into the local group named `groupName`
 * (created with its first tag); local groups never share a name with a WeCom group.
 */
export const CreateLocalTagRequest = z.strictObject({
  groupName: TagName.describe('The local tag group, created if it does not exist yet'),
  name: TagName.describe('The tag name, unique within its group'),
});
export type CreateLocalTagRequest = z.infer<typeof CreateLocalTagRequest>;

export const RenameLocalTagRequest = z.strictObject({ name: TagName });
export type RenameLocalTagRequest = z.infer<typeof RenameLocalTagRequest>;

export const LocalTagResponse = z.object({ tag: CorpTagView }).meta({ id: 'LocalTagResponse' });
export type LocalTagResponse = z.infer<typeof LocalTagResponse>;

/**
 * Tags the salesperson adds to / removes from their own relationship with the customer. `requestId`
 * makes a retried request (double tap, flaky network) apply once.
 */
export const MarkCustomerTagsRequest = z
  .strictObject({
    requestId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).describe('Client-generated idempotency key, one per user action'),
    add: z.array(TagId).max(50).default([]),
    remove: z.array(TagId).max(50).default([]),
  })
  .refine((body) => body.add.length + body.remove.length > 0, { message: '至少添加或移除一个标签', path: ['add'] })
  .refine((body) => !body.add.some((tag) => body.remove.includes(tag)), { message: '同一标签不能同时添加和移除', path: ['remove'] });
export type MarkCustomerTagsRequest = z.infer<typeof MarkCustomerTagsRequest>;

/**
 * Where a tag change stands on its way to WeCom: visible locally at once, then written through. A change of
 * local-only tags alone is 'synced' at once: there is nothing to write to WeCom.
 */
export const TagSyncState = z.enum(['pending', 'synced', 'failed']);
export type TagSyncState = z.infer<typeof TagSyncState>;

export const TagChangeView = z.object({
  requestId: z.string(),
  add: z.array(z.string()),
  remove: z.array(z.string()),
  state: TagSyncState,
  /** Why WeCom refused, in Chinese, when state is failed. */
  error: z.string().optional(),
  at: z.iso.datetime(),
});
export type TagChangeView = z.infer<typeof TagChangeView>;

export const MarkCustomerTagsResponse = z.object({ change: TagChangeView }).meta({ id: 'MarkCustomerTagsResponse' });
export type MarkCustomerTagsResponse = z.infer<typeof MarkCustomerTagsResponse>;
