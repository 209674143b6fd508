import { UpstreamApiError } from '../common/upstream-error';
import { ExternalContactClient } from '../wecom/external-contact-client';
import { WeComClient } from '../wecom/wecom-client';
import { DEMO_CREDENTIALS } from '../../platform/config/config';
import { startSandboxServer } from '../../testing/test-app';
import { decodeQr } from './decode-qr.testing';

describe('sandbox WeCom 「联系我」 and send_welcome_msg', () => {
  let upstream: Awaited<ReturnType<typeof startSandboxServer>>;
  let contacts: ExternalContactClient;
  const errcodeOf = (promise: Promise<unknown>) => promise.then(() => 0, (error: unknown) => (error instanceof UpstreamApiError ? error.errcode : -999));

  beforeAll(async () => {
    upstream = await startSandboxServer([]);
    const wecom = new WeComClient({ apiBase: `${upstream.url}/sandbox/wecom`, corpId: DEMO_CREDENTIALS.corpId, agentId: DEMO_CREDENTIALS.agentId, agentSecret: DEMO_CREDENTIALS.agentSecret, timeoutMs: 5000 });
    contacts = new ExternalContactClient(wecom);
  });
  afterAll(() => upstream.close());

  it('checks configs as WeCom does: state ≤ 30 chars, type 1 has exactly one member, members exist', async () => {
    const base = { type: 1 as const, scene: 2 as const, skipVerify: true, state: 'ch_ok' };
    expect(await errcodeOf(contacts.addContactWay({ ...base, state: 'x'.repeat(31), user: ['lilei'] }))).toBe(40058);
    expect(await errcodeOf(contacts.addContactWay({ ...base, user: ['lilei', 'hanmeimei'] }))).toBe(40058);
    expect(await errcodeOf(contacts.addContactWay({ ...base, type: 2, user: [] }))).toBe(40058);
    expect(await errcodeOf(contacts.addContactWay({ ...base, user: ['nobody'] }))).toBe(60111);
  });

  it('creates, reads, updates and deletes a config; its QR opens the scan page', async () => {
    const way = await contacts.addContactWay({ type: 2, scene: 2, skipVerify: true, state: 'ch_sandbox1', user: ['lilei', 'hanmeimei'], remark: '门店' });
    const qr = await decodeQr(await contacts.downloadContactWayQr(way.qrCode!));
    expect(qr.text).toBe(`${upstream.url}/sandbox/demo/contact-ways/${way.configId}`);
    await contacts.updateContactWay(way.configId, { user: ['hanmeimei'], skipVerify: false });
    expect(await contacts.getContactWay(way.configId)).toMatchObject({ type: 2, state: 'ch_sandbox1', user: ['hanmeimei'], skip_verify: false, remark: '门店' });
    await contacts.delContactWay(way.configId);
    expect(await errcodeOf(contacts.getContactWay(way.configId))).toBe(40058);
  });

  it('takes a WelcomeCode once, within 20 seconds of the add', async () => {
    const way = await contacts.addContactWay({ type: 1, scene: 2, skipVerify: true, state: 'ch_sandbox2', user: ['lilei'] });
    const sandboxWays = upstream.sandbox.wecom.contacts.contactWays;
    const first = sandboxWays.scan(way.configId, { externalUserId: 'wm_sb_1', name: '客户一' });
    await contacts.sendWelcomeMessage(first.welcomeCode!, { text: { content: '你好' } });
    expect(await errcodeOf(contacts.sendWelcomeMessage(first.welcomeCode!, { text: { content: '又来' } }))).toBe(41051);
    expect(sandboxWays.welcomeMessagesFor('wm_sb_1').map((m) => m.text)).toEqual(['你好']);
    expect(sandboxWays.scan(way.configId, { externalUserId: 'wm_sb_1', name: '客户一' }).added).toBe(false); // already a friend: no event, no code

    const late = sandboxWays.scan(way.configId, { externalUserId: 'wm_sb_2', name: '客户二' });
    upstream.sandbox.clock.advance(20_000);
    expect(await errcodeOf(contacts.sendWelcomeMessage(late.welcomeCode!, { text: { content: '迟到' } }))).toBe(41050);
    expect(await errcodeOf(contacts.sendWelcomeMessage('', { text: { content: '没有凭证' } }))).toBe(41049);
  });
});
