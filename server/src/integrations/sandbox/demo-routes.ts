import Router from '@koa/router';
import { SandboxAgentConfigCheck, SandboxWxLoginRequest, type SandboxAgentConfigVerdict, type SandboxDemoDirectory } from '@zhike/shared/demo';
import { parseInput } from '../../platform/http/validation';
import { AppError } from '../../platform/http/app-error';
import type { MiniProgramSandbox } from './miniprogram-sandbox';
import type { WeComSandbox } from './wecom-sandbox';
import type { SandboxWorld } from './world';

const AVATAR_COLOURS = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#0ea5e9', '#ec4899'];

/** A round avatar with the person's first character, so the demo has faces without shipping images. */
function avatarSvg(label: string, seed: string): string {
  const colour = AVATAR_COLOURS[[...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % AVATAR_COLOURS.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><circle cx="48" cy="48" r="48" fill="${colour}"/><text x="48" y="62" font-size="42" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC, PingFang SC, sans-serif">${label}</text></svg>`;
}

/**
 * Demo-console endpoints: they play what a phone's WeChat (wx.login) and the WeCom client know.
 * Mounted only in demo mode, beside the sandbox upstreams.
 */
export function demoRoutes(world: SandboxWorld, miniProgram: MiniProgramSandbox, wecom: WeComSandbox): Router {
  const router = new Router({ prefix: '/sandbox/demo' });

  router.get('/directory', (ctx) => {
    const directory: SandboxDemoDirectory = {
      members: world.members.map(({ userid, name, avatar, position }) => ({ userid, name, avatar, position })),
      wechatUsers: world.wechatUsers.map(({ openid, nickname, avatar }) => ({ openid, nickname, avatar })),
      contactsByMember: Object.fromEntries(
        world.members.map((member) => [
          member.userid,
          world.contacts
            .filter((contact) => contact.follows.some((follow) => follow.userid === member.userid))
            .map((contact) => {
              const wechatUser = world.wechatUsers.find((u) => u.unionid === contact.unionid);
              return {
                external_userid: contact.externalUserId,
                name: contact.name,
                avatar: wechatUser?.avatar ?? `/sandbox/demo/avatar/${contact.externalUserId}.svg`,
                ...(wechatUser ? { openid: wechatUser.openid } : {}),
              };
            }),
        ]),
      ),
    };
    ctx.body = directory;
  });

  router.post('/wx-login', (ctx) => {
    const request = parseInput(SandboxWxLoginRequest, ctx.request.body ?? {}, 'body');
    const code = miniProgram.issueLoginCode(request.appid, request.openid);
    if (!code) throw new AppError('VALIDATION_FAILED', '沙箱中没有这个小程序或微信用户', [{ field: 'body.openid', issue: '未知的 appid 或 openid' }]);
    ctx.body = { code };
  });

  router.post('/verify-agent-config', (ctx) => {
    const check = parseInput(SandboxAgentConfigCheck, ctx.request.body ?? {}, 'body');
    const verdict: SandboxAgentConfigVerdict = wecom.verifyAgentConfig(check);
    ctx.body = verdict;
  });

  router.get('/avatar/:key.svg', (ctx) => {
    const key = ctx.params.key ?? '';
    const person =
      world.members.find((m) => m.avatar.endsWith(`/${key}.svg`))?.name ??
      world.wechatUsers.find((u) => u.avatar.endsWith(`/${key}.svg`))?.nickname ??
      world.contacts.find((c) => c.externalUserId === key)?.name ??
      '客';
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = avatarSvg([...person][0] ?? '客', key);
  });

  // The simulated chat shows images the sidebar sent by media_id, as the WeCom client would render them.
  router.get('/media/:mediaId', (ctx) => {
    const media = wecom.media.find(ctx.params.mediaId ?? '');
    if (!media) throw new AppError('NOT_FOUND', '素材不存在或已过期（临时素材只保留 3 天）');
    if (media.type === 'file') ctx.attachment(media.filename, { type: 'inline' });
    ctx.type = media.contentType;
    ctx.set('Cache-Control', 'private, max-age=3600');
    ctx.body = media.bytes;
  });

  return router;
}
