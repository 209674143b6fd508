import * as ww from '@wecom/jssdk';
import { SEND_ID, SEND_PATH, outcomePath, preparedText } from '../../test-support/content-fixtures';
import { apiError, fakeApi, networkFailure, ok, postedBodies, type FakeRoute } from '../../test-support/fake-api';
import { OUTCOME_RETRY_DELAYS_MS, sendContent } from './send-content';

jest.mock('@wecom/jssdk', () => ({ __esModule: true, env: { isWeCom: true }, sendChatMessage: jest.fn() }));
const sdk = jest.mocked(ww);

const REQUEST = { requestId: 'req0000000001', externalUserId: 'wmWANG0001', content: { kind: 'script', scriptId: 'a'.repeat(24) } } as const;

function api(outcome: FakeRoute) {
  return fakeApi({ [SEND_PATH]: ok(preparedText('您好')), [outcomePath(SEND_ID)]: outcome });
}

async function settle(recorded: jest.Mock) {
  for (const delay of [0, ...OUTCOME_RETRY_DELAYS_MS]) {
    await jest.advanceTimersByTimeAsync(delay);
  }
  expect(recorded).toHaveBeenCalledTimes(1);
}

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers();
  sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok', errCode: 0 });
});
afterEach(() => jest.useRealTimers());

describe('sendContent', () => {
  it('answers as soon as WeCom has the message, before the outcome is recorded', async () => {
    api(ok({ sendId: SEND_ID, status: 'sent' }));
    const recorded = jest.fn();
    await expect(sendContent(REQUEST, recorded)).resolves.toEqual({ kind: 'sent', missingVariables: [], sendId: SEND_ID });
    await settle(recorded);
    expect(recorded).toHaveBeenCalledWith(true);
  });

  it('tries the outcome report again after a network failure or a busy server', async () => {
    const fetchMock = api([networkFailure(), apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), ok({ sendId: SEND_ID, status: 'sent' })]);
    const recorded = jest.fn();
    await sendContent(REQUEST, recorded);
    await settle(recorded);
    expect(recorded).toHaveBeenCalledWith(true);
    expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'sent' }, { outcome: 'sent' }, { outcome: 'sent' }]);
  });

  it('gives up at once on a refusal, and says the send may be missing from the statistics', async () => {
    const fetchMock = api(apiError(404, 'NOT_FOUND', '发送记录不存在'));
    const recorded = jest.fn();
    await sendContent(REQUEST, recorded);
    await settle(recorded);
    expect(recorded).toHaveBeenCalledWith(false);
    expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toHaveLength(1);
  });

  it('a WeCom timeout counts as failed, not as sent', async () => {
    const fetchMock = api(ok({ sendId: SEND_ID, status: 'failed' }));
    sdk.sendChatMessage.mockRejectedValue({ errMsg: 'sendChatMessage:timeout' });
    const result = await sendContent(REQUEST);
    expect(result).toEqual({ kind: 'failed', message: expect.stringContaining('企业微信没有响应'), retryable: true, prepared: true });
    await jest.advanceTimersByTimeAsync(0);
    expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'failed', error: 'sendChatMessage:timeout' }]);
  });
});
