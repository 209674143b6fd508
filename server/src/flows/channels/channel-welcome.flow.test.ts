import pino from 'pino';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { ChannelRecord, ChannelWelcomeRecord } from '../../modules/channels';
import { ChannelWelcomeFlow, type ChannelWelcomeDeps } from './channel-welcome.flow';

const addedAt = new Date('2026-11-25T02:00:00Z');
const channel = { id: 'c1', corpId: 'corp', state: 'ch_abcdefghij', welcome: { text: '{{客户称呼}}您好', attachments: [] }, tagIds: [] } as unknown as ChannelRecord;

/** Fakes that fail loudly when called without being set up. */
function setup(options: { now: Date; send?: () => Promise<void>; claimed?: boolean }) {
  const settled: { status: string; reason?: string }[] = [];
  const sends: string[] = [];
  let now = options.now;
  const deps: ChannelWelcomeDeps = {
    corpId: 'corp',
    channels: { findByState: async () => channel, settings: async () => null },
    activity: {
      claimWelcome: async (welcome) => (options.claimed ? null : ({ ...welcome, id: 'w1' } as ChannelWelcomeRecord)),
      findWelcome: async () => ({ status: 'sent', claimedAt: now }) as ChannelWelcomeRecord,
      settleWelcome: async (_code, outcome) => {
        settled.push(outcome);
        return true;
      },
    },
    contacts: {
      sendWelcomeMessage: async (code) => {
        sends.push(code);
        await (options.send ?? (async () => undefined))();
      },
      getContact: async () => ({ external_contact: { external_userid: 'wm1', name: '王小明', type: 1 }, follow_user: [] }),
    },
    customers: { findByIdentifier: async () => null },
    staff: { directory: async () => new Map() },
    assets: { findById: async () => { throw new Error('no assets expected'); }, publicUrlOf: () => { throw new Error('no assets expected'); } },
    media: { mediaIdFor: async () => { throw new Error('no media expected'); } },
    miniProgramAppId: 'wx1',
    log: pino({ level: 'silent' }),
    now: () => now,
    sleep: async (ms) => void (now = new Date(now.getTime() + ms)),
  };
  return { flow: new ChannelWelcomeFlow(deps), settled, sends };
}

const added = { externalUserId: 'wm1', userid: 'lilei', state: channel.state, welcomeCode: 'code-1', at: addedAt };

describe('ChannelWelcomeFlow', () => {
  it('sends within the window', async () => {
    const { flow, settled, sends } = setup({ now: new Date(addedAt.getTime() + 800) });
    expect(await flow.greet(added)).toBe('sent');
    expect(sends).toEqual(['code-1']);
    expect(settled[0]).toMatchObject({ status: 'sent' });
  });

  it('does not start a send that would be late: recorded as missed, WeCom never called', async () => {
    const { flow, settled, sends } = setup({ now: new Date(addedAt.getTime() + 19_000) });
    expect(await flow.greet(added)).toBe('missed');
    expect(sends).toEqual([]);
    expect(settled[0]?.reason).toContain('超过欢迎语时限');
  });

  it('sends nothing for a code claimed before (a retried event)', async () => {
    const { flow, sends } = setup({ now: new Date(addedAt.getTime() + 500), claimed: true });
    expect(await flow.greet(added)).toBe('duplicate');
    expect(sends).toEqual([]);
  });

  it('retries once while another app is greeting (41096), then records it', async () => {
    let calls = 0;
    const busy = async () => {
      calls++;
      throw new UpstreamApiError('WeCom', 41096, 'welcome msg is being sent by other app');
    };
    const { flow, settled } = setup({ now: new Date(addedAt.getTime() + 500), send: busy });
    expect(await flow.greet(added)).toBe('other_app');
    expect(calls).toBe(2);
    expect(settled).toHaveLength(1);
  });

  it('treats 41051 as already greeted', async () => {
    const { flow } = setup({ now: new Date(addedAt.getTime() + 500), send: async () => { throw new UpstreamApiError('WeCom', 41051, 'customer already begin chatting'); } });
    expect(await flow.greet(added)).toBe('already_sent');
  });

  it('does nothing without a WelcomeCode', async () => {
    const { flow, sends } = setup({ now: addedAt });
    expect(await flow.greet({ ...added, welcomeCode: undefined })).toBe('no_message');
    expect(sends).toEqual([]);
  });
});
