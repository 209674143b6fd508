import type Router from '@koa/router';
import type { Context } from 'koa';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ExpiringStore } from './expiring-store';
import { randomToken } from './sandbox-guard';
import type { SandboxClock } from './sandbox-clock';
import { parseBody, SandboxErrcode } from './sandbox-errcode';
import type { NewContact, SandboxContact, SandboxWorld } from './world';

/** WeCom keeps a WelcomeCode valid for 20 seconds after the add (§B6). */
export const WELCOME_CODE_TTL_MS = 20_000;
const MAX_STATE_CHARS = 30;
const MAX_WELCOME_TEXT_BYTES = 4000;
const MAX_ATTACHMENTS = 9;

export interface SandboxContactWay {
  configId: string;
  /** 1 single member, 2 several. */
  type: 1 | 2;
  /** 1 mini-program button, 2 QR code. */
  scene: 1 | 2;
  remark?: string;
  skipVerify: boolean;
  state?: string;
  user: string[];
  /** The QR image's address (scene 2), as add_contact_way answered it. */
  qrCode?: string;
}

/** A welcome message as the customer's WeChat shows it (the demo chat reads these). */
export interface SandboxWelcomeMessage {
  externalUserId: string;
  userid: string;
  text?: string;
  attachments: Record<string, unknown>[];
  /** Sandbox-clock milliseconds. */
  sentAt: number;
}

/** What the contact-ways sandbox needs of the contacts one: adding a customer, which emits the add callback. */
export interface ContactAdder {
  addContact(input: NewContact, follow: { userid: string; addWay: number; state?: string }, extras: { welcomeCode?: string }): SandboxContact;
}

const Users = z.array(z.string()).optional();
const AddBody = z.object({
  type: z.union([z.literal(1), z.literal(2)]).optional(),
  scene: z.union([z.literal(1), z.literal(2)]).optional(),
  style: z.number().int().optional(),
  remark: z.string().optional(),
  skip_verify: z.boolean().optional(),
  state: z.string().optional(),
  user: Users,
  party: z.array(z.number().int()).optional(),
});
const UpdateBody = z.object({ config_id: z.string().optional(), remark: z.string().optional(), skip_verify: z.boolean().optional(), style: z.number().int().optional(), state: z.string().optional(), user: Users, party: z.array(z.number().int()).optional() });
const ConfigIdBody = z.object({ config_id: z.string().optional() });
const WelcomeBody = z.object({
  welcome_code: z.string().optional(),
  text: z.object({ content: z.string() }).optional(),
  attachments: z.array(z.record(z.string(), z.unknown()).and(z.object({ msgtype: z.string() }))).optional(),
});

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * 「联系我」 configs and welcome messages (§B5–B6): add/get/update/del_contact_way with WeCom's checks, a QR
 * image per config that opens the demo's "scan and add" page, and send_welcome_msg with single-use codes
 * that lapse 20 seconds after the add on the sandbox clock.
 */
export class WeComContactWaySandbox {
  private readonly ways = new Map<string, SandboxContactWay>();
  private readonly welcomeCodes: ExpiringStore<{ externalUserId: string; userid: string }>;
  private readonly usedCodes = new Set<string>();
  readonly welcomeMessages: SandboxWelcomeMessage[] = [];
  /** Whether a media_id names a live temporary media (wired to the media sandbox). */
  mediaExists: (mediaId: string) => boolean = () => true;
  /** Where the QR code sends the phone: the demo's scan page, under this origin (default: the request's). */
  publicUrl?: () => string;

  constructor(
    private readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
    private readonly contacts: ContactAdder,
  ) {
    this.welcomeCodes = new ExpiringStore(() => clock.now());
  }

  /** The routes; `withToken` answers the token errcode itself and runs `answer` only for a valid token. */
  mount(router: Router, route: (answer: (ctx: Context) => Record<string, unknown>) => (ctx: Context) => void): void {
    const base = '/cgi-bin/externalcontact';
    router.post(`${base}/add_contact_way`, route((ctx) => {
      const prefix = ctx.path.slice(0, ctx.path.indexOf('/cgi-bin/'));
      const way = this.add(parseBody(AddBody, ctx.request.body), (configId) => `${ctx.protocol}://${ctx.host}${prefix}/contact-way-qr/${configId}.png`);
      return { config_id: way.configId, ...(way.qrCode ? { qr_code: way.qrCode } : {}) };
    }));
    router.post(`${base}/get_contact_way`, route((ctx) => ({ contact_way: this.wayJson(this.requireWay(parseBody(ConfigIdBody, ctx.request.body).config_id)) })));
    router.post(`${base}/update_contact_way`, route((ctx) => {
      this.update(parseBody(UpdateBody, ctx.request.body));
      return {};
    }));
    router.post(`${base}/del_contact_way`, route((ctx) => {
      this.ways.delete(this.requireWay(parseBody(ConfigIdBody, ctx.request.body).config_id).configId);
      return {};
    }));
    router.post(`${base}/send_welcome_msg`, route((ctx) => {
      this.sendWelcome(parseBody(WelcomeBody, ctx.request.body));
      return {};
    }));
    // The QR image lives on WeCom's CDN: no access token.
    router.get('/contact-way-qr/:file', async (ctx) => {
      const configId = (ctx.params.file ?? '').replace(/\.png$/, '');
      if (!this.ways.has(configId)) return void (ctx.status = 404);
      ctx.type = 'image/png';
      ctx.body = await QRCode.toBuffer(this.scanUrl(configId, `${ctx.protocol}://${ctx.host}`), { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
    });
  }

  /** What a phone reads from the QR: the demo page that plays "scan and add". */
  scanUrl(configId: string, origin: string): string {
    return `${this.publicUrl?.() ?? origin}/sandbox/demo/contact-ways/${encodeURIComponent(configId)}`;
  }

  find(configId: string): SandboxContactWay | undefined {
    const way = this.ways.get(configId);
    return way && structuredClone(way);
  }

  /**
   * A customer scans the code: WeCom adds them to the config's member (type 2: we pick the first listed
   * member who does not have them yet) and pushes add_external_contact with the state and a WelcomeCode.
   * A customer who already has that member gets no event, as in WeCom.
   */
  scan(configId: string, customer: NewContact): { added: boolean; userid: string; externalUserId: string; welcomeCode?: string } {
    const way = this.requireWay(configId);
    const existing = this.world.contacts.find((c) => c.externalUserId === customer.externalUserId);
    const userid = way.user.find((u) => !existing?.follows.some((f) => f.userid === u)) ?? way.user[0]!;
    if (existing?.follows.some((f) => f.userid === userid)) return { added: false, userid, externalUserId: customer.externalUserId };
    const welcomeCode = randomToken(24);
    this.welcomeCodes.put(welcomeCode, { externalUserId: customer.externalUserId, userid }, WELCOME_CODE_TTL_MS);
    this.contacts.addContact(customer, { userid, addWay: 1, ...(way.state ? { state: way.state } : {}) }, { welcomeCode });
    return { added: true, userid, externalUserId: customer.externalUserId, welcomeCode };
  }

  welcomeMessagesFor(externalUserId: string): SandboxWelcomeMessage[] {
    return structuredClone(this.welcomeMessages.filter((m) => m.externalUserId === externalUserId));
  }

  private add(body: z.infer<typeof AddBody>, qrUrl: (configId: string) => string): SandboxContactWay {
    if (body.type === undefined) throw new SandboxErrcode(41037, 'missing contact way type');
    if (body.scene === undefined) throw new SandboxErrcode(41038, 'missing contact way scene');
    const user = this.checkUsers(body.type, body.user ?? [], body.party ?? []);
    const configId = randomToken(16).replace(/[-_]/g, 'x');
    const way: SandboxContactWay = {
      configId,
      type: body.type,
      scene: body.scene,
      ...(body.remark !== undefined ? { remark: this.checkRemark(body.remark) } : {}),
      skipVerify: body.skip_verify ?? true,
      ...(body.state !== undefined ? { state: this.checkState(body.state) } : {}),
      user,
      ...(body.scene === 2 ? { qrCode: qrUrl(configId) } : {}),
    };
    this.ways.set(way.configId, way);
    return way;
  }

  private update(body: z.infer<typeof UpdateBody>): void {
    const way = this.requireWay(body.config_id);
    const user = body.user === undefined ? undefined : this.checkUsers(way.type, body.user, body.party ?? []);
    if (body.state !== undefined) way.state = this.checkState(body.state);
    if (body.remark !== undefined) way.remark = this.checkRemark(body.remark);
    if (body.skip_verify !== undefined) way.skipVerify = body.skip_verify;
    if (user) way.user = user;
  }

  private sendWelcome(body: z.infer<typeof WelcomeBody>): void {
    const code = body.welcome_code;
    if (!code) throw new SandboxErrcode(41049, 'missing welcome code');
    if (this.usedCodes.has(code)) throw new SandboxErrcode(41051, 'customer already begin chatting');
    const found = this.welcomeCodes.lookup(code);
    if (found.status !== 'valid') throw new SandboxErrcode(41050, 'invalid welcome code');
    const attachments = body.attachments ?? [];
    if (!body.text?.content && attachments.length === 0) throw new SandboxErrcode(40058, 'text and attachments are both empty');
    if (body.text && bytes(body.text.content) > MAX_WELCOME_TEXT_BYTES) throw new SandboxErrcode(40058, 'text content exceed max length');
    if (attachments.length > MAX_ATTACHMENTS) throw new SandboxErrcode(40058, 'attachments exceed max count');
    for (const attachment of attachments) this.checkAttachment(attachment);
    this.usedCodes.add(code);
    this.welcomeCodes.take(code);
    this.welcomeMessages.push({ ...found.value, ...(body.text ? { text: body.text.content } : {}), attachments: structuredClone(attachments), sentAt: this.clock.now() });
  }

  private checkAttachment(attachment: Record<string, unknown>): void {
    const part = (key: string) => (attachment[key] ?? {}) as Record<string, unknown>;
    switch (attachment.msgtype) {
      case 'image': {
        const mediaId = part('image').media_id;
        if (typeof mediaId === 'string' && !this.mediaExists(mediaId)) throw new SandboxErrcode(40007, 'invalid media_id');
        if (typeof mediaId !== 'string' && typeof part('image').pic_url !== 'string') throw new SandboxErrcode(40058, 'image needs media_id or pic_url');
        return;
      }
      case 'link': {
        const link = part('link');
        if (typeof link.title !== 'string' || typeof link.url !== 'string') throw new SandboxErrcode(40058, 'link needs title and url');
        if (bytes(link.title) > 128) throw new SandboxErrcode(40058, 'link title exceed max length');
        return;
      }
      case 'miniprogram': {
        const card = part('miniprogram');
        if (card.appid !== this.world.miniProgramAppId) throw new SandboxErrcode(40058, 'invalid miniprogram appid');
        if (typeof card.pic_media_id !== 'string' || !this.mediaExists(card.pic_media_id)) throw new SandboxErrcode(40007, 'invalid media_id');
        if (typeof card.title !== 'string' || bytes(card.title) > 64 || typeof card.page !== 'string') throw new SandboxErrcode(40058, 'invalid miniprogram');
        return;
      }
      default:
        throw new SandboxErrcode(40058, `unsupported msgtype ${String(attachment.msgtype)}`);
    }
  }

  /** Type 1 takes exactly one member; every member must exist. Departments (party) are not modelled. */
  private checkUsers(type: 1 | 2, user: string[], party: number[]): string[] {
    const unique = [...new Set(user)];
    if (type === 1 && (unique.length !== 1 || party.length > 0)) throw new SandboxErrcode(40058, 'type 1 needs exactly one user');
    if (type === 2 && unique.length === 0 && party.length === 0) throw new SandboxErrcode(40058, 'user and party are both empty');
    if (party.length > 0) throw new SandboxErrcode(40058, 'party is not supported by the sandbox');
    for (const userid of unique) if (!this.world.members.some((m) => m.userid === userid)) throw new SandboxErrcode(60111, `userid not found: ${userid}`);
    return unique;
  }

  private checkState(state: string): string {
    if ([...state].length > MAX_STATE_CHARS) throw new SandboxErrcode(40058, 'state exceed max length 30');
    return state;
  }

  private checkRemark(remark: string): string {
    if ([...remark].length > 30) throw new SandboxErrcode(40058, 'remark exceed max length 30');
    return remark;
  }

  private requireWay(configId: string | undefined): SandboxContactWay {
    const way = configId ? this.ways.get(configId) : undefined;
    if (!way) throw new SandboxErrcode(40058, 'invalid config_id');
    return way;
  }

  private wayJson(way: SandboxContactWay) {
    return {
      config_id: way.configId,
      type: way.type,
      scene: way.scene,
      ...(way.remark !== undefined ? { remark: way.remark } : {}),
      skip_verify: way.skipVerify,
      ...(way.state !== undefined ? { state: way.state } : {}),
      ...(way.qrCode ? { qr_code: way.qrCode } : {}),
      user: way.user,
      party: [],
    };
  }
}
