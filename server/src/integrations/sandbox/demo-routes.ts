import Router from '@koa/router';
import { z } from 'zod';
import { SandboxAgentConfigCheck, SandboxWxLoginRequest, type SandboxAgentConfigVerdict, type SandboxDemoDirectory } from '@zhike/shared/demo';
import { parseInput } from '../../platform/http/validation';
import { AppError } from '../../platform/http/app-error';
import type { MiniProgramSandbox } from './miniprogram-sandbox';
import { randomToken } from './sandbox-guard';
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

  registerContactWayDemo(router, world, wecom);
  return router;
}

const ScanRequest = z.strictObject({ openid: z.string().min(1).max(64).optional(), name: z.string().trim().min(1).max(30).optional() });

/**
 * What a channel's QR code opens on a phone: a page to play the customer who scans it and adds the
 * salesperson. The add goes through the sandbox WeCom, which pushes the callback with State and WelcomeCode.
 */
function registerContactWayDemo(router: Router, world: SandboxWorld, wecom: WeComSandbox): void {
  const contactWays = wecom.contacts.contactWays;
  router.get('/contact-ways/:configId', (ctx) => {
    const configId = ctx.params.configId ?? '';
    if (!contactWays.find(configId)) throw new AppError('NOT_FOUND', '该二维码已失效');
    const people = world.wechatUsers.map((u) => `<button name="openid" value="${escapeHtml(u.openid)}">以「${escapeHtml(u.nickname)}」扫码添加</button>`).join('');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>添加企业微信</title>
<body style="font-family:sans-serif;padding:16px"><h3>模拟微信扫码添加</h3><p>选择扫码的微信用户：</p>
<form id="f" style="display:grid;gap:8px">${people}<button name="name" value="新客户">以一位新客户扫码添加</button></form><p id="r"></p>
<script>document.getElementById('f').addEventListener('submit',async function(e){e.preventDefault();var b=e.submitter;var body={};body[b.name]=b.value;
var res=await fetch(location.pathname+'/scan',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});var j=await res.json();
document.getElementById('r').textContent=res.ok?(j.added?'已添加，等待欢迎语…':'你已经是好友了'):(j.error&&j.error.message||'失败');});</script></body>`;
  });

  router.post('/contact-ways/:configId/scan', (ctx) => {
    const request = parseInput(ScanRequest, ctx.request.body ?? {}, 'body');
    const configId = ctx.params.configId ?? '';
    if (!contactWays.find(configId)) throw new AppError('NOT_FOUND', '该二维码已失效');
    const wechatUser = request.openid ? world.wechatUsers.find((u) => u.openid === request.openid) : undefined;
    if (request.openid && !wechatUser) throw new AppError('VALIDATION_FAILED', '沙箱中没有这个微信用户', [{ field: 'body.openid', issue: '未知的 openid' }]);
    const known = wechatUser && world.contacts.find((c) => c.unionid === wechatUser.unionid);
    const customer = wechatUser
      ? { externalUserId: known?.externalUserId ?? `wm_${wechatUser.openid.replace(/^o_/, '')}`, name: wechatUser.nickname, unionid: wechatUser.unionid, avatar: wechatUser.avatar, type: 1 as const }
      : { externalUserId: `wm_scan_${randomToken(6).replace(/[-_]/g, 'x')}`, name: request.name ?? '新客户', type: 1 as const };
    const result = contactWays.scan(configId, customer);
    ctx.body = { added: result.added, userid: result.userid, externalUserId: result.externalUserId };
  });

  // The simulated chat shows the welcome messages WeCom delivered on Zhike's behalf (send_welcome_msg).
  router.get('/welcome-messages', (ctx) => {
    const externalUserId = typeof ctx.query.externalUserId === 'string' ? ctx.query.externalUserId : '';
    ctx.body = { messages: contactWays.welcomeMessagesFor(externalUserId) };
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
