import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Customer360 } from '@zhike/shared/customers';
import type { CustomerFieldView } from '@zhike/shared/custom-fields';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { ZHANG_WEI, ZHANG_WEI_EXTERNAL_USERID, ZHANG_WEI_FIELDS_PATH, ZHANG_WEI_PATH } from '../../test-support/customer-360-fixtures';
import { apiError, fakeApi, networkFailure, ok, postedBodies, STAFF_LI, type FakeRoute } from '../../test-support/fake-api';
import { Customer360Panel } from './Customer360Panel';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const ENTRY: TimelineEntry = {
  id: 'tl-08',
  kind: 'fields_changed',
  at: '2026-05-21T03:30:00.000Z',
  actor: { userid: STAFF_LI.userid, name: STAFF_LI.name },
  summary: '李娜 修改了资料 预算=80000',
};
// The quiet reload after a save fails, so what shows can only come from the POST's answer.
const RELOAD_FAILS = apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用');
const withValue = (key: string, value: CustomerFieldView['value']) => ZHANG_WEI.customFields.map((f) => (f.key === key ? { ...f, value } : f));

function api(routes: { customer?: FakeRoute; fields?: FakeRoute }) {
  return fakeApi({ [ZHANG_WEI_PATH]: routes.customer ?? ok(ZHANG_WEI), ...(routes.fields ? { [ZHANG_WEI_FIELDS_PATH]: routes.fields } : {}) });
}

function renderPanel() {
  return render(<Customer360Panel externalUserId={ZHANG_WEI_EXTERNAL_USERID} viewerUserid={STAFF_LI.userid} />);
}

const row = (label: string) => screen.getAllByTestId('customer-field').find((r) => r.querySelector('dt')!.textContent!.startsWith(label))!;
const valueOf = (label: string) => within(row(label)).getByTestId('field-value').textContent;

async function edit(label: string, typed: string) {
  await screen.findByTestId('customer-fields');
  fireEvent.click(within(row(label)).getByTestId('field-value'));
  fireEvent.change(within(row(label)).getByTestId('field-input'), { target: { value: typed } });
  fireEvent.click(within(row(label)).getByTestId('save-field'));
}

describe('CustomerFields (资料)', () => {
  it('lists the admin’s fields in order with their values, required ones starred', async () => {
    api({});
    renderPanel();

    const rows = (await screen.findAllByTestId('customer-field')).map((r) => [r.querySelector('dt')!.textContent, within(r).getByTestId('field-value').textContent]);
    expect(rows).toEqual([
      ['预算', '50,000'],
      ['到店日期', '未填写'],
      ['购买渠道*', '门店'],
      ['偏好', '未填写'],
    ]);
  });

  it('saves an edited number with a fresh requestId, shows it and its timeline entry', async () => {
    const fetchMock = api({ customer: [ok(ZHANG_WEI), RELOAD_FAILS], fields: ok({ fields: withValue('budget', 80000), entry: ENTRY }) });
    renderPanel();

    await edit('预算', '80000');
    await waitFor(() => expect(valueOf('预算')).toBe('80,000'));
    expect(postedBodies(fetchMock, ZHANG_WEI_FIELDS_PATH)).toEqual([{ requestId: expect.stringMatching(REQUEST_ID), values: { budget: 80000 } }]);
    expect(screen.getAllByTestId('timeline-entry')[0]!.textContent).toContain('李娜 修改了资料 预算=80000');
  });

  it('picks an option of a select field, and clears an optional field with an empty value', async () => {
    const fetchMock = api({ customer: [ok(ZHANG_WEI), RELOAD_FAILS], fields: [ok({ fields: withValue('channel', '线上') }), ok({ fields: withValue('budget', null) })] });
    renderPanel();

    await screen.findByTestId('customer-fields');
    fireEvent.click(within(row('购买渠道')).getByTestId('field-value'));
    const select = within(row('购买渠道')).getByTestId('field-input') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['门店', '线上', '代理']); // required: no way to unset it
    fireEvent.change(select, { target: { value: '线上' } });
    fireEvent.click(within(row('购买渠道')).getByTestId('save-field'));
    await waitFor(() => expect(valueOf('购买渠道')).toBe('线上'));

    await edit('预算', '');
    await waitFor(() => expect(valueOf('预算')).toBe('未填写'));
    expect((postedBodies(fetchMock, ZHANG_WEI_FIELDS_PATH) as Array<{ values: object }>).map((b) => b.values)).toEqual([{ channel: '线上' }, { budget: null }]);
  });

  it('says what to fix before sending a number that is not one, and sends nothing when the value did not change', async () => {
    const fetchMock = api({});
    renderPanel();

    await edit('预算', '五万');
    expect(screen.getByTestId('field-error').textContent).toBe('「预算」需要填写数字');
    fireEvent.change(within(row('预算')).getByTestId('field-input'), { target: { value: '50000' } });
    fireEvent.click(within(row('预算')).getByTestId('save-field'));
    expect(valueOf('预算')).toBe('50,000');
    expect(postedBodies(fetchMock, ZHANG_WEI_FIELDS_PATH)).toEqual([]);
  });

  it('keeps the input with the server’s reason on a refusal, and resends the same requestId after a network failure', async () => {
    const fetchMock = api({
      customer: [ok(ZHANG_WEI), RELOAD_FAILS],
      fields: [apiError(400, 'VALIDATION_FAILED', '「偏好」最多 200 个字'), networkFailure(), ok({ fields: withValue('preference', '周末到店') })],
    });
    renderPanel();

    await edit('偏好', '很长的一段话');
    expect((await screen.findByTestId('field-error')).textContent).toBe('「偏好」最多 200 个字');

    fireEvent.change(within(row('偏好')).getByTestId('field-input'), { target: { value: '周末到店' } });
    fireEvent.click(within(row('偏好')).getByTestId('save-field'));
    await waitFor(() => expect(screen.getByTestId('field-error').textContent).toContain('网络连接失败'));
    fireEvent.click(within(row('偏好')).getByTestId('save-field'));
    await waitFor(() => expect(valueOf('偏好')).toBe('周末到店'));

    const [refused, lost, resent] = postedBodies(fetchMock, ZHANG_WEI_FIELDS_PATH) as Array<{ requestId: string }>;
    expect(lost!.requestId).not.toBe(refused!.requestId);
    expect(resent).toEqual(lost);
  });

  it('shows no card when the admin has defined no fields', async () => {
    const none: Customer360 = { ...ZHANG_WEI, customFields: [] };
    api({ customer: ok(none) });
    renderPanel();
    await screen.findByTestId('customer-tags');
    expect(screen.queryByTestId('customer-fields')).toBeNull();
  });
});
