import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { SandboxClock } from './sandbox-clock';
import { parseBody, SandboxErrcode } from './sandbox-errcode';
import type { SandboxTransfer, SandboxWorld } from './world';

/** WeCom hands a departed member's customer over 24 hours after the request, unless the customer refuses. */
export const TRANSFER_DELAY_S = 24 * 60 * 60;
const RESULT_PAGE = 100;

const TransferBody = z.object({ handover_userid: z.string().min(1), takeover_userid: z.string().min(1), external_userid: z.array(z.string()).min(1).max(100) });
const ResultBody = z.object({ handover_userid: z.string().min(1), takeover_userid: z.string().min(1), cursor: z.string().optional() });

/**
 * 离职继承 (resigned/transfer_customer, resigned/transfer_result) over the sandbox world. A departed member is
 * one gone from `world.members` whose follows remain. Transfers settle against the sandbox clock before every customer-contact
 * call (see settle), so a test moves the clock forward instead of waiting a day. Made through the API, so no callback is sent (B9).
 */
export class WeComTransferSandbox {
  constructor(private readonly world: SandboxWorld, private readonly clock: SandboxClock) {}

  transfer(body: z.infer<typeof TransferBody>): { external_userid: string; errcode: number }[] {
    const { handover_userid: handover, takeover_userid: takeover } = body;
    const active = (userid: string) => this.world.members.some((m) => m.userid === userid);
    if (active(handover)) throw new SandboxErrcode(40003, 'handover_userid is not a resigned member');
    if (!active(takeover)) throw new SandboxErrcode(40003, 'invalid takeover_userid');
    const now = this.nowSeconds();
    return [...new Set(body.external_userid)].map((externalUserId) => {
      const contact = this.world.contacts.find((c) => c.externalUserId === externalUserId);
      if (!contact) return { external_userid: externalUserId, errcode: 40096 };
      if (!contact.follows.some((f) => f.userid === handover)) return { external_userid: externalUserId, errcode: 84061 };
      // A request repeated while one is waiting (a lost answer, retried) joins it rather than starting another.
      const waiting = this.world.transfers.some((t) => t.externalUserId === externalUserId && t.handoverUserid === handover && t.status === 2);
      if (!waiting) this.world.transfers.push({ handoverUserid: handover, takeoverUserid: takeover, externalUserId, requestedAt: now, status: 2 });
      return { external_userid: externalUserId, errcode: 0 };
    });
  }

  result(body: z.infer<typeof ResultBody>) {
    const all = this.world.transfers.filter((t) => t.handoverUserid === body.handover_userid && t.takeoverUserid === body.takeover_userid);
    const offset = body.cursor ? Number(Buffer.from(body.cursor, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > all.length) throw new SandboxErrcode(40058, 'invalid cursor');
    const page = all.slice(offset, offset + RESULT_PAGE);
    const next = offset + page.length;
    return {
      customer: page.map((t) => ({ external_userid: t.externalUserId, status: t.status, ...(t.takeoverTime ? { takeover_time: t.takeoverTime } : {}) })),
      next_cursor: next < all.length ? Buffer.from(String(next)).toString('base64url') : '',
    };
  }

  mount(router: Router, route: (answer: (ctx: Context) => Record<string, unknown>) => (ctx: Context) => void): void {
    const base = '/cgi-bin/externalcontact/resigned';
    router.post(`${base}/transfer_customer`, route((ctx) => ({ customer: this.transfer(parseBody(TransferBody, ctx.request.body)) })));
    router.post(`${base}/transfer_result`, route((ctx) => this.result(parseBody(ResultBody, ctx.request.body))));
  }

  /** Transfers whose 24 hours have passed: refused by customers who refuse, else the follow moves to the takeover. */
  settle(): void {
    const now = this.nowSeconds();
    for (const transfer of this.world.transfers) {
      if (transfer.status !== 2 || transfer.requestedAt + TRANSFER_DELAY_S > now) continue;
      if (this.world.transferRefusals.includes(transfer.externalUserId)) transfer.status = 3;
      else this.handOver(transfer);
    }
  }

  private handOver(transfer: SandboxTransfer): void {
    transfer.status = 1;
    transfer.takeoverTime = transfer.requestedAt + TRANSFER_DELAY_S;
    const contact = this.world.contacts.find((c) => c.externalUserId === transfer.externalUserId);
    const from = contact?.follows.find((f) => f.userid === transfer.handoverUserid);
    if (!contact || !from) return;
    contact.follows = contact.follows.filter((f) => f !== from);
    // The takeover inherits the relationship as it was (remark, description, tags), assigned by the admin (202).
    if (!contact.follows.some((f) => f.userid === transfer.takeoverUserid)) {
      contact.follows.push({ ...from, userid: transfer.takeoverUserid, createtime: transfer.takeoverTime, addWay: 202, operUserid: transfer.takeoverUserid, tagIds: [...from.tagIds] });
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }
}
