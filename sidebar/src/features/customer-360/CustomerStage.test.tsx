import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Customer360 } from '@zhike/shared/customers';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { ZHANG_WEI, ZHANG_WEI_EXTERNAL_USERID, ZHANG_WEI_PATH, ZHANG_WEI_STAGE_PATH } from '../../test-support/customer-360-fixtures';
import { apiError, fakeApi, networkFailure, ok, postedBodies, requestedUrls, STAFF_LI, type FakeRoute } from '../../test-support/fake-api';
import { Customer360Panel } from './Customer360Panel';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const CONFLICT_MESSAGE = '客户阶段已被同事修改，请刷新后再试';

const WON_ENTRY: TimelineEntry = {
  id: 'tl-07',
  kind: 'stage_changed',
  at: '2026-05-21T03:00:00.000Z',
  actor: { userid: STAFF_LI.userid, name: STAFF_LI.name },
  summary: '李娜 将阶段从 意向 改为 成交',
};
const AFTER_WON: Customer360 = { ...ZHANG_WEI, stage: 'won', timeline: [WON_ENTRY, ...ZHANG_WEI.timeline] };

function api(routes: { customer?: FakeRoute; stage?: FakeRoute }) {
  return fakeApi({ [ZHANG_WEI_PATH]: routes.customer ?? ok(ZHANG_WEI), ...(routes.stage ? { [ZHANG_WEI_STAGE_PATH]: routes.stage } : {}) });
}

function renderPanel(viewerUserid = STAFF_LI.userid) {
  return render(<Customer360Panel externalUserId={ZHANG_WEI_EXTERNAL_USERID} viewerUserid={viewerUserid} />);
}

const chip = () => screen.getByTestId('customer-stage');
const option = (label: string) => screen.getAllByTestId('stage-option').find((o) => o.textContent === label)!;
const customerFetches = (fetchMock: jest.Mock) => requestedUrls(fetchMock).filter((url) => url === ZHANG_WEI_PATH).length;

async function choose(label: string) {
  fireEvent.click(await screen.findByTestId('customer-stage'));
  fireEvent.click(option(label));
}

describe('Customer stage chip', () => {
  it('opens the default pipeline’s five stages in order, the current one highlighted', async () => {
    api({});
    renderPanel();

    fireEvent.click(await screen.findByTestId('customer-stage'));
    expect(chip().getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByTestId('stage-option');
    expect(options.map((o) => o.textContent)).toEqual(['新客户', '初步沟通', '意向', '成交', '复购']);
    expect(options.map((o) => o.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false', 'false']);

    fireEvent.click(chip()); // tapping the chip again closes it
    expect(screen.queryByTestId('stage-selector')).toBeNull();
  });

  it('lists the corp’s own pipeline and names stages by their configured labels', async () => {
    const custom: Customer360 = {
      ...ZHANG_WEI,
      stage: 'visited',
      stages: [
        { key: 'new', label: '线索' },
        { key: 'visited', label: '到店' },
        { key: 'won', label: '成交' },
      ],
    };
    const fetchMock = api({ customer: ok(custom), stage: ok({ entry: { ...WON_ENTRY, summary: '李娜 将阶段从 到店 改为 成交' } }) });
    renderPanel();

    expect((await screen.findByTestId('customer-stage')).textContent).toBe('到店');
    fireEvent.click(chip());
    expect(screen.getAllByTestId('stage-option').map((o) => [o.textContent, o.getAttribute('aria-pressed')])).toEqual([
      ['线索', 'false'],
      ['到店', 'true'],
      ['成交', 'false'],
    ]);
    fireEvent.click(option('成交'));
    expect(chip().textContent).toBe('成交');
    await waitFor(() => expect(postedBodies(fetchMock, ZHANG_WEI_STAGE_PATH)).toEqual([{ requestId: expect.stringMatching(REQUEST_ID), stage: 'won', expectedStage: 'visited' }]));
  });

  it('posts {stage, expectedStage, requestId}, shows the new stage at once and its entry on the timeline', async () => {
    // The quiet reload after the change fails here, so what shows can only come from the POST's answer.
    const fetchMock = api({ customer: [ok(ZHANG_WEI), apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用')], stage: ok({ entry: WON_ENTRY }) });
    renderPanel();

    await choose('成交');
    expect(chip().textContent).toBe('成交'); // optimistic, before the answer
    expect(screen.queryByTestId('stage-selector')).toBeNull();

    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')[0]!.textContent).toContain('李娜 将阶段从 意向 改为 成交'));
    expect(chip().textContent).toBe('成交');
    const bodies = postedBodies(fetchMock, ZHANG_WEI_STAGE_PATH) as Array<{ requestId: string }>;
    expect(bodies).toEqual([{ requestId: expect.stringMatching(REQUEST_ID), stage: 'won', expectedStage: 'interested' }]);
    expect(screen.queryByTestId('stage-error')).toBeNull();
  });

  it('does not post when the current stage is chosen again', async () => {
    const fetchMock = api({});
    renderPanel();

    await choose('意向');
    expect(screen.queryByTestId('stage-selector')).toBeNull();
    expect(postedBodies(fetchMock, ZHANG_WEI_STAGE_PATH)).toEqual([]);
  });

  it('on 409, puts the old stage back, shows the message and asks for the 360 again', async () => {
    const movedByColleague: Customer360 = { ...ZHANG_WEI, stage: 'won' };
    const fetchMock = api({ customer: [ok(ZHANG_WEI), ok(movedByColleague)], stage: apiError(409, 'CONFLICT', CONFLICT_MESSAGE) });
    renderPanel();

    await choose('复购');
    expect((await screen.findByTestId('stage-error')).textContent).toBe(CONFLICT_MESSAGE);
    expect(chip().textContent).not.toBe('复购');
    await waitFor(() => expect(customerFetches(fetchMock)).toBe(2));
    await waitFor(() => expect(chip().textContent).toBe('成交')); // the colleague's stage, freshly loaded

    // The next change starts from what is now on screen.
    fireEvent.click(chip());
    expect(screen.queryByTestId('stage-error')).toBeNull();
    fireEvent.click(option('复购'));
    await waitFor(() => expect(postedBodies(fetchMock, ZHANG_WEI_STAGE_PATH)).toHaveLength(2));
    const [first, second] = postedBodies(fetchMock, ZHANG_WEI_STAGE_PATH) as Array<{ requestId: string; expectedStage: string }>;
    expect(first!.expectedStage).toBe('interested');
    expect(second!.expectedStage).toBe('won');
    expect(second!.requestId).not.toBe(first!.requestId);
  });

  it('rolls back on a network failure and resends the same requestId when the same change is tried again', async () => {
    const fetchMock = api({ customer: [ok(ZHANG_WEI), ok(AFTER_WON)], stage: [networkFailure(), ok({ entry: WON_ENTRY })] });
    renderPanel();

    await choose('成交');
    expect((await screen.findByTestId('stage-error')).textContent).toContain('网络连接失败');
    expect(chip().textContent).toBe('意向');
    expect(customerFetches(fetchMock)).toBe(1);

    await choose('成交');
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')[0]!.textContent).toContain('改为 成交'));
    expect(chip().textContent).toBe('成交');
    const [first, second] = postedBodies(fetchMock, ZHANG_WEI_STAGE_PATH) as Array<{ requestId: string }>;
    expect(second).toEqual(first);
  });

  it('says why when the server refuses (not a follower any more) and keeps the stage', async () => {
    api({ stage: apiError(403, 'FORBIDDEN', '你没有跟进这位客户，不能修改阶段') });
    renderPanel();

    await choose('成交');
    expect((await screen.findByTestId('stage-error')).textContent).toBe('你没有跟进这位客户，不能修改阶段');
    expect(chip().textContent).toBe('意向');
  });

  it('only reads for a viewer who does not follow the customer', async () => {
    api({});
    renderPanel('someone-else');

    expect((await screen.findByTestId('customer-stage')).tagName).toBe('SPAN');
    fireEvent.click(chip());
    expect(screen.queryByTestId('stage-selector')).toBeNull();
    expect(screen.queryByTestId('note-input')).toBeNull();
  });
});
