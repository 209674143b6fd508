import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { TIMELINE_NOW, ZHANG_WEI, ZHANG_WEI_EXTERNAL_USERID, ZHANG_WEI_NOTES_PATH, ZHANG_WEI_PATH } from '../../test-support/customer-360-fixtures';
import { apiError, fakeApi, networkFailure, ok, postedBodies, STAFF_LI, type FakeRoute } from '../../test-support/fake-api';
import { Customer360Panel } from './Customer360Panel';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

const NEW_NOTE: TimelineEntry = {
  id: 'tl-07',
  kind: 'note',
  at: '2026-05-21T03:55:00.000Z', // 11:55 in Beijing
  actor: { userid: STAFF_LI.userid, name: STAFF_LI.name },
  summary: '李娜 写了备注',
  text: '已发报价单',
};
const created = (entry: TimelineEntry) => ({ status: 201, body: { entry } });
/** What the quiet reload after a save answers: the server has the note by then. */
const WITH_NOTE = ok({ ...ZHANG_WEI, timeline: [NEW_NOTE, ...ZHANG_WEI.timeline] });

function api(routes: { customer?: FakeRoute; notes?: FakeRoute }) {
  return fakeApi({ [ZHANG_WEI_PATH]: routes.customer ?? ok(ZHANG_WEI), ...(routes.notes ? { [ZHANG_WEI_NOTES_PATH]: routes.notes } : {}) });
}

function renderPanel() {
  return render(<Customer360Panel externalUserId={ZHANG_WEI_EXTERNAL_USERID} viewerUserid={STAFF_LI.userid} />);
}

const entries = () => screen.getAllByTestId('timeline-entry');
const noteInput = () => screen.getByTestId('note-input') as HTMLTextAreaElement;
const saveButton = () => screen.getByTestId('save-note') as HTMLButtonElement;

async function typeNote(text: string) {
  const input = await screen.findByTestId('note-input');
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
}

// "Now" is fixed so that 今天 and 昨天 are the days the fixture means; timers advance by themselves.
beforeEach(() => jest.useFakeTimers({ now: TIMELINE_NOW, advanceTimers: true }));
afterEach(() => jest.useRealTimers());

describe('CustomerTimeline', () => {
  it('groups entries newest first by Beijing day, labelled 今天 / 昨天 / the date', async () => {
    api({});
    renderPanel();

    const days = await screen.findAllByTestId('timeline-day');
    const shape = days.map((day) => [day.querySelector('h4')!.textContent, within(day).getAllByTestId('timeline-entry').map((e) => e.querySelector('time')!.textContent)]);
    expect(shape).toEqual([
      ['今天', ['10:30', '09:00', '00:30']],
      ['昨天', ['12:00', '01:00']],
      ['2026-04-10', ['10:00']],
    ]);
    expect(entries()[0]!.textContent).toContain('李娜 写了备注');
    expect(entries()[2]!.textContent).toContain('赵磊 添加标签 私有化部署');
  });

  it('marks each kind with its own icon and keeps a note’s line breaks', async () => {
    api({});
    renderPanel();

    await screen.findAllByTestId('timeline-entry');
    const icons = entries().map((e) => e.querySelector('[role="img"]')!.getAttribute('aria-label'));
    expect(icons).toEqual(['备注', '阶段', '标签', '关系结束', '阶段', '添加好友']);
    expect(new Set(entries().map((e) => e.querySelector('[role="img"] svg')!.innerHTML)).size).toBe(5);
    expect(within(entries()[0]!).getByTestId('timeline-note').textContent).toBe('想要企业版报价\n下周二前回复');
    expect(screen.queryByRole('button', { name: '展开' })).toBeNull(); // short notes are shown whole
  });

  it('clamps a long note with 展开, and 收起 folds it again', async () => {
    const long = { ...NEW_NOTE, text: ['第一行', '第二行', '第三行', '第四行', '第五行'].join('\n') };
    api({ customer: ok({ ...ZHANG_WEI, timeline: [long] }) });
    renderPanel();

    const text = await screen.findByTestId('timeline-note');
    expect(text.className).toContain('c360-tl-note-clamped');
    fireEvent.click(screen.getByRole('button', { name: '展开' }));
    expect(text.className).not.toContain('c360-tl-note-clamped');
    fireEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(text.className).toContain('c360-tl-note-clamped');
  });
});

describe('Writing a note', () => {
  it('is one line until tapped, then a textarea whose 保存 waits for some text', async () => {
    api({});
    renderPanel();

    const input = await screen.findByTestId('note-input');
    expect(input.getAttribute('placeholder')).toBe('写备注…');
    expect(input.getAttribute('rows')).toBe('1');
    expect(screen.queryByTestId('save-note')).toBeNull();

    fireEvent.focus(input);
    expect(input.getAttribute('rows')).toBe('4');
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(input, { target: { value: '   ' } });
    expect(saveButton().disabled).toBe(true); // blanks are not a note
    fireEvent.change(input, { target: { value: '明天回电' } });
    expect(saveButton().disabled).toBe(false);
    expect(screen.queryByTestId('note-remaining')).toBeNull(); // far from the limit, no counter
  });

  it('counts down near the 2000-character limit and refuses more', async () => {
    api({});
    renderPanel();

    await typeNote('字'.repeat(1900));
    expect(screen.getByTestId('note-remaining').textContent).toBe('还可输入 100 字');
    fireEvent.change(noteInput(), { target: { value: '字'.repeat(2003) } });
    expect(screen.getByTestId('note-remaining').textContent).toBe('超出 3 字');
    expect(saveButton().disabled).toBe(true);
  });

  it('posts the note with a requestId, puts the saved entry on top of 今天 and clears the box', async () => {
    // The quiet reload after the save fails here, so the entry on top can only come from the POST's answer.
    const fetchMock = api({ customer: [ok(ZHANG_WEI), apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用')], notes: created(NEW_NOTE) });
    renderPanel();

    await typeNote('  已发报价单 \n');
    fireEvent.click(saveButton());
    expect(saveButton().textContent).toBe('保存中…');

    await waitFor(() => expect(entries()[0]!.textContent).toContain('已发报价单'));
    expect(entries()[0]!.querySelector('time')!.textContent).toBe('11:55');
    expect(screen.getAllByTestId('timeline-day')[0]!.querySelector('h4')!.textContent).toBe('今天');
    expect(noteInput().value).toBe('');
    expect(postedBodies(fetchMock, ZHANG_WEI_NOTES_PATH)).toEqual([{ requestId: expect.stringMatching(REQUEST_ID), text: '已发报价单' }]);
    expect(screen.queryByTestId('note-error')).toBeNull();
  });

  it('keeps the text after a network failure, and 保存 again resends the same requestId', async () => {
    const fetchMock = api({ customer: [ok(ZHANG_WEI), WITH_NOTE], notes: [networkFailure(), created(NEW_NOTE)] });
    renderPanel();

    await typeNote('已发报价单');
    fireEvent.click(saveButton());
    expect((await screen.findByTestId('note-error')).textContent).toContain('网络连接失败');
    expect(noteInput().value).toBe('已发报价单');
    expect(entries()).toHaveLength(ZHANG_WEI.timeline.length);

    fireEvent.click(saveButton());
    await waitFor(() => expect(entries()[0]!.textContent).toContain('已发报价单'));
    const [first, second] = postedBodies(fetchMock, ZHANG_WEI_NOTES_PATH) as Array<{ requestId: string }>;
    expect(first!.requestId).toMatch(REQUEST_ID);
    expect(second).toEqual(first);
    expect(screen.queryByTestId('note-error')).toBeNull();
  });

  it('treats edited text after a failure as a new note with a new requestId', async () => {
    const fetchMock = api({ notes: [networkFailure(), created(NEW_NOTE)] });
    renderPanel();

    await typeNote('已发报价');
    fireEvent.click(saveButton());
    await screen.findByTestId('note-error');
    fireEvent.change(noteInput(), { target: { value: '已发报价单' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(noteInput().value).toBe(''));
    const [first, second] = postedBodies(fetchMock, ZHANG_WEI_NOTES_PATH) as Array<{ requestId: string }>;
    expect(second!.requestId).not.toBe(first!.requestId);
  });

  it('shows the server’s refusal in plain Chinese', async () => {
    api({ notes: apiError(403, 'FORBIDDEN', '你没有跟进这位客户，不能写备注') });
    renderPanel();

    await typeNote('已发报价单');
    fireEvent.click(saveButton());
    expect((await screen.findByTestId('note-error')).textContent).toBe('备注没有保存：你没有跟进这位客户，不能写备注');
  });
});
