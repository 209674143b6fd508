import type { ChannelAssignment, WelcomeMessage } from '@zhike/shared/channels';
import type { ErrorDetail } from '@zhike/shared/errors';
import { AppError } from '../../platform/http/app-error';
import type { AssetService } from '../../modules/assets';
import { unknownVariables } from '../../modules/scripts';
import type { StaffService } from '../../modules/staff';
import type { CorpTagRepository } from '../../modules/tags';

export interface ChannelInputDeps {
  staff: Pick<StaffService, 'directory'>;
  tags: Pick<CorpTagRepository, 'findByTagIds'>;
  assets: Pick<AssetService, 'findById'>;
}

/**
 * What zod cannot know: the salespeople are current members, the tags are in the library, the welcome's
 * variables exist and its images are ours. Checked before anything goes upstream, so a refusal leaves
 * nothing behind, and answered with every offending field at once.
 */
export async function checkChannelInput(
  deps: ChannelInputDeps,
  corpId: string,
  input: { assignment?: ChannelAssignment; tagIds: string[]; welcome: WelcomeMessage | null },
  prefix = 'body',
): Promise<void> {
  const problems: ErrorDetail[] = [
    ...(input.assignment ? await assignmentProblems(deps, corpId, input.assignment, `${prefix}.assignment`) : []),
    ...(await tagProblems(deps, corpId, input.tagIds, `${prefix}.tagIds`)),
    ...(input.welcome ? await welcomeProblems(deps, corpId, input.welcome, `${prefix}.welcome`) : []),
  ];
  if (problems.length) throw new AppError('VALIDATION_FAILED', '渠道设置有误，请按提示修改', problems);
}

async function assignmentProblems(deps: ChannelInputDeps, corpId: string, assignment: ChannelAssignment, field: string): Promise<ErrorDetail[]> {
  const named: { userid: string; field: string }[] =
    assignment.mode === 'single'
      ? [{ userid: assignment.userid, field: `${field}.userid` }]
      : [
          ...assignment.members.map((m, i) => ({ userid: m.userid, field: `${field}.members.${i}.userid` })),
          ...assignment.backups.map((userid, i) => ({ userid, field: `${field}.backups.${i}` })),
        ];
  const directory = await deps.staff.directory(corpId, [...new Set(named.map((n) => n.userid))]);
  return named.flatMap(({ userid, field: at }) => {
    const member = directory.get(userid);
    if (!member) return [{ field: at, issue: `没有这位销售：${userid}` }];
    if (!member.active) return [{ field: at, issue: `${member.name} 已离职` }];
    return [];
  });
}

async function tagProblems(deps: ChannelInputDeps, corpId: string, tagIds: string[], field: string): Promise<ErrorDetail[]> {
  const live = new Set((await deps.tags.findByTagIds(corpId, tagIds)).filter((t) => !t.deletedAt).map((t) => t.tagId));
  return tagIds.flatMap((tagId, i) => (live.has(tagId) ? [] : [{ field: `${field}.${i}`, issue: `标签不存在或已被删除：${tagId}` }]));
}

async function welcomeProblems(deps: ChannelInputDeps, corpId: string, welcome: WelcomeMessage, field: string): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = unknownVariables(welcome.text).map((name) => ({ field: `${field}.text`, issue: `未知变量 {{${name}}}` }));
  for (const [i, attachment] of welcome.attachments.entries()) {
    const refs: [string, string | undefined, 'image'][] =
      attachment.type === 'image'
        ? [['assetId', attachment.assetId, 'image']]
        : attachment.type === 'link' || attachment.type === 'miniprogram'
          ? [['imageAssetId', attachment.imageAssetId, 'image']]
          : [];
    if (attachment.type === 'link' || attachment.type === 'miniprogram') problems.push(...unknownVariables(attachment.title).map((name) => ({ field: `${field}.attachments.${i}.title`, issue: `未知变量 {{${name}}}` })));
    for (const [key, assetId] of refs) {
      if (!assetId) continue;
      const asset = await deps.assets.findById(corpId, assetId);
      if (!asset) problems.push({ field: `${field}.attachments.${i}.${key}`, issue: '素材不存在' });
      else if (!asset.contentType.startsWith('image/')) problems.push({ field: `${field}.attachments.${i}.${key}`, issue: '这里需要一张图片' });
    }
  }
  return problems;
}
