import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ScriptView } from '@zhike/shared/scripts';
import { ADMIN_CHEN, CATEGORIES, CATEGORY_OPENING, GREETING } from '../testing/console-fixtures';
import { fail, fakeConsoleApi, json, type FakeConsoleRoute } from '../testing/fake-console-api';
import ScriptsScreen from './ScriptsScreen';

const GREETING_PATH = `/api/scripts/${GREETING.id}`;

function api(extra: Record<string, FakeConsoleRoute> = {}) {
  return fakeConsoleApi({
    'GET /api/scripts/categories': json({ categories: CATEGORIES }),
    'GET /api/scripts': json({ items: [GREETING], total: 1 }),
    ...extra,
  });
}

async function openGreeting() {
  render(<ScriptsScreen staff={ADMIN_CHEN} />);
  fireEvent.click(await screen.findByText('首次问候'));
  return screen.getByTestId('script-editor');
}

const fieldOf = (element: HTMLElement) => element.closest('.form-field') as HTMLElement;
const errorsIn = (element: HTMLElement) => within(element).queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);

describe('Script editor', () => {
  it('creates a shared script from the form: scope, category, content of the chosen type, keywords, stages', async () => {
    const created: ScriptView = { ...GREETING, id: 'b00000000000000000000002', title: '限时优惠', version: 1 };
    const { callsTo } = api({ 'POST /api/scripts': json({ script: created }, 201) });
    render(<ScriptsScreen staff={ADMIN_CHEN} />);
    await screen.findByText('首次问候');

    fireEvent.click(screen.getByTestId('new-script'));
    fireEvent.change(screen.getByTestId('script-title-input'), { target: { value: '限时优惠' } });
    fireEvent.change(screen.getByRole('combobox', { name: '分类' }), { target: { value: CATEGORY_OPENING.id } });
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: '本周下单立减 50 元' } });
    const keywords = screen.getByLabelText('关键词');
    fireEvent.change(keywords, { target: { value: '优惠' } });
    fireEvent.keyDown(keywords, { key: 'Enter' });
    fireEvent.click(screen.getByLabelText('意向'));
    fireEvent.click(screen.getByTestId('save-script'));

    await screen.findByText('已保存');
    expect(callsTo('POST', '/api/scripts').map((call) => call.body)).toEqual([
      { scope: 'shared', categoryId: CATEGORY_OPENING.id, title: '限时优惠', content: { type: 'text', text: '本周下单立减 50 元' }, keywords: ['优惠'], stages: ['interested'], tagIds: [] },
    ]);
  });

  it('shows each issue of a 400 next to its field, the message on top, and unknown fields listed with it', async () => {
    api({
      [`PUT ${GREETING_PATH}`]: fail(400, 'VALIDATION_FAILED', '请检查填写的内容', [
        { field: 'body.title', issue: '标题不能为空' },
        { field: 'body.content.text', issue: '内容最多 2000 字' },
        { field: 'body.keywords.1', issue: '关键词最多 20 字' },
        { field: 'body.mystery', issue: '不认识的字段' },
      ]),
    });
    const editor = await openGreeting();
    fireEvent.change(screen.getByTestId('script-title-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('save-script'));

    const banner = await screen.findByTestId('form-error');
    expect(banner.textContent).toContain('请检查填写的内容');
    expect(errorsIn(fieldOf(screen.getByTestId('script-title-input')))).toEqual([['body.title', '标题不能为空']]);
    expect(errorsIn(fieldOf(within(editor).getByLabelText('内容')))).toEqual([['body.content.text', '内容最多 2000 字']]);
    expect(errorsIn(fieldOf(within(editor).getByLabelText('关键词')))).toEqual([['body.keywords.1', '关键词最多 20 字']]);
    // Nothing on screen is called "mystery": it still shows, with the message, rather than vanishing.
    expect(errorsIn(banner)).toEqual([['body.mystery', 'body.mystery：不认识的字段']]);
  });

  it('on 409 says a colleague saved, reloads their version on request, and saves on top of it', async () => {
    const colleagues: ScriptView = { ...GREETING, title: '首次问候（新版）', version: 4 };
    const mine: ScriptView = { ...colleagues, title: '我的标题', version: 5 };
    const { callsTo } = api({
      'GET /api/scripts': [json({ items: [GREETING], total: 1 }), json({ items: [colleagues], total: 1 })],
      [`PUT ${GREETING_PATH}`]: [fail(409, 'CONFLICT', '话术已被他人修改'), json({ script: mine })],
    });
    await openGreeting();
    fireEvent.change(screen.getByTestId('script-title-input'), { target: { value: '我的标题' } });
    fireEvent.click(screen.getByTestId('save-script'));

    expect((await screen.findByTestId('form-error')).textContent).toContain('有同事保存了这条话术');
    fireEvent.click(screen.getByTestId('reload-script'));
    await waitFor(() => expect((screen.getByTestId('script-title-input') as HTMLInputElement).value).toBe('首次问候（新版）'));
    expect(screen.queryByTestId('form-error')).toBeNull();
    // No GET by id in the API: the reload looks in the script's category.
    const lookup = callsTo('GET', '/api/scripts').find((call) => call.query.get('limit') === '100')!;
    expect([lookup.query.get('categoryId'), lookup.query.get('includeRetired')]).toEqual([GREETING.categoryId, 'true']);

    fireEvent.change(screen.getByTestId('script-title-input'), { target: { value: '我的标题' } });
    fireEvent.click(screen.getByTestId('save-script'));
    await screen.findByText('已保存');
    const puts = callsTo('PUT', GREETING_PATH).map((call) => call.body as { expectedVersion: number; title: string });
    expect(puts.map((body) => [body.title, body.expectedVersion])).toEqual([
      ['我的标题', 3],
      ['我的标题', 4],
    ]);
  });

  it('previews the text with sample values, and a variable chip goes in at the caret', async () => {
    api();
    const editor = await openGreeting();
    const preview = screen.getByTestId('message-preview');
    expect(preview.textContent).toContain('王小明您好，我是陈静');

    const text = within(editor).getByLabelText('内容') as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: '您好，' } });
    text.setSelectionRange(2, 2);
    fireEvent.click(within(fieldOf(text)).getByRole('button', { name: '{{今天}}' }));
    expect(text.value).toMatch(/^您好\{\{今天\}\}，$/);
    expect(preview.textContent).toMatch(/您好\d{1,2}月\d{1,2}日，/);
  });

  it('switches type without losing what was typed, and asks for an upload where the type needs one', async () => {
    api();
    const editor = await openGreeting();
    fireEvent.click(within(editor).getByRole('radio', { name: '链接' }));
    fireEvent.change(within(editor).getByLabelText('链接地址'), { target: { value: 'https://example.com/a' } });
    fireEvent.change(within(editor).getByLabelText('卡片标题'), { target: { value: '产品手册' } });
    expect(screen.getByTestId('message-preview').textContent).toContain('产品手册');
    fireEvent.click(within(editor).getByRole('radio', { name: '文本' }));
    expect((within(editor).getByLabelText('内容') as HTMLTextAreaElement).value).toBe(GREETING.content.type === 'text' ? GREETING.content.text : '');
  });

  it('offers the corp’s own pipeline stages, keeping a stage since removed so it can be unticked', async () => {
    api({
      'GET /api/stages': json({ stages: [{ key: 'new', label: '线索' }, { key: 'trial', label: '试用' }] }),
      'GET /api/scripts': json({ items: [{ ...GREETING, stages: ['new', 'interested'] }], total: 1 }),
    });
    const editor = await openGreeting();
    const stageField = within(editor).getByRole('group', { name: '适用阶段' });
    await waitFor(() => expect(within(stageField).getAllByRole('checkbox').map((box) => box.parentElement!.textContent)).toEqual(['线索', '试用', 'interested（已不在流程中）']));
    expect(within(stageField).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, false, true]);
  });

  it('retires after a confirmation and marks the script read-only', async () => {
    const { callsTo } = api({ [`POST ${GREETING_PATH}/retire`]: json({ script: { ...GREETING, retired: true, version: 4 } }) });
    const editor = await openGreeting();
    fireEvent.click(within(editor).getByRole('button', { name: '停用' }));
    fireEvent.click(screen.getByTestId('confirm-retire-script'));
    await screen.findByText(/这条话术已停用/);
    expect(callsTo('POST', `${GREETING_PATH}/retire`)).toHaveLength(1);
    expect(screen.queryByTestId('save-script')).toBeNull();
  });
});
