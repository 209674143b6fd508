import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_CHEN, CATEGORIES, CATEGORY_OPENING, CATEGORY_PRODUCTS, GREETING } from '../testing/console-fixtures';
import { fail, fakeConsoleApi, json, type FakeConsoleRoute } from '../testing/fake-console-api';
import ScriptsScreen from './ScriptsScreen';
import { SEARCH_DEBOUNCE_MS } from './use-script-search';

function api(extra: Record<string, FakeConsoleRoute> = {}) {
  return fakeConsoleApi({
    'GET /api/scripts/categories': json({ categories: CATEGORIES }),
    'GET /api/scripts': json({ items: [GREETING], total: 1 }),
    ...extra,
  });
}

afterEach(() => jest.useRealTimers());

describe('ScriptsScreen', () => {
  it('shows the category tree one level deep, in order, with sub-categories under their parent', async () => {
    api();
    render(<ScriptsScreen staff={ADMIN_CHEN} />);
    const tree = await screen.findByTestId('category-tree');
    await within(tree).findByText('开场白');
    const names = within(tree).getAllByRole('button', { pressed: false }).map((button) => button.textContent);
    expect(names).toEqual(['开场白', '产品介绍', '产品手册']);
    expect(within(tree).getByText('产品手册').closest('li')!.className).toContain('category-depth-1');
  });

  it('filters the list by the chosen category, type and search words (the typing waits for a pause)', async () => {
    const { callsTo } = api();
    render(<ScriptsScreen staff={ADMIN_CHEN} />);
    await screen.findByText('首次问候');
    const first = callsTo('GET', '/api/scripts')[0]!.query;
    expect(Object.fromEntries(first)).toEqual({ scope: 'shared', limit: '30', offset: '0', includeRetired: 'true' });

    fireEvent.click(within(screen.getByTestId('category-tree')).getByText('产品介绍'));
    fireEvent.change(screen.getByRole('combobox', { name: '类型' }), { target: { value: 'link' } });
    await waitFor(() => expect(callsTo('GET', '/api/scripts').at(-1)!.query.get('type')).toBe('link'));

    jest.useFakeTimers();
    fireEvent.change(screen.getByTestId('script-search'), { target: { value: '手册' } });
    const before = callsTo('GET', '/api/scripts').length;
    act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    expect(callsTo('GET', '/api/scripts')).toHaveLength(before);
    act(() => jest.advanceTimersByTime(100));
    jest.useRealTimers();
    await waitFor(() => expect(callsTo('GET', '/api/scripts').at(-1)!.query.get('q')).toBe('手册'));
    const last = callsTo('GET', '/api/scripts').at(-1)!.query;
    expect([last.get('categoryId'), last.get('type')]).toEqual([CATEGORY_PRODUCTS.id, 'link']);
  });

  it('creates a top-level category and shows the server’s issue under the name field', async () => {
    const { callsTo } = api({
      'POST /api/scripts/categories': [fail(400, 'VALIDATION_FAILED', '请检查填写的内容', [{ field: 'body.name', issue: '名称最多 20 字' }]), json({ category: { ...CATEGORY_OPENING, id: 'a00000000000000000000009', name: '促单' } }, 201)],
    });
    render(<ScriptsScreen staff={ADMIN_CHEN} />);
    const tree = await screen.findByTestId('category-tree');
    fireEvent.click(within(tree).getByRole('button', { name: '新建分类' }));
    fireEvent.change(within(tree).getByLabelText('分类名称'), { target: { value: '促单'.repeat(11) } });
    fireEvent.click(within(tree).getByRole('button', { name: '保存' }));
    const issue = await within(tree).findByTestId('field-error');
    expect([issue.getAttribute('data-field'), issue.textContent]).toEqual(['body.name', '名称最多 20 字']);

    fireEvent.change(within(tree).getByLabelText('分类名称'), { target: { value: '促单' } });
    fireEvent.click(within(tree).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(tree).queryByLabelText('分类名称')).toBeNull());
    expect(callsTo('POST', '/api/scripts/categories').at(-1)!.body).toEqual({ scope: 'shared', name: '促单', parentId: null, order: 2 });
    await waitFor(() => expect(callsTo('GET', '/api/scripts/categories')).toHaveLength(2));
  });

  it('renames keeping the place in the tree, and retires after a confirmation', async () => {
    const { callsTo } = api({
      [`PUT /api/scripts/categories/${CATEGORY_OPENING.id}`]: json({ category: { ...CATEGORY_OPENING, name: '破冰' } }),
      [`POST /api/scripts/categories/${CATEGORY_OPENING.id}/retire`]: json({ category: CATEGORY_OPENING }),
    });
    render(<ScriptsScreen staff={ADMIN_CHEN} />);
    const tree = await screen.findByTestId('category-tree');
    const row = (await within(tree).findByText('开场白')).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '重命名' }));
    fireEvent.change(within(tree).getByLabelText('分类名称'), { target: { value: '破冰' } });
    fireEvent.click(within(tree).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(callsTo('PUT', `/api/scripts/categories/${CATEGORY_OPENING.id}`)).toHaveLength(1));
    expect(callsTo('PUT', `/api/scripts/categories/${CATEGORY_OPENING.id}`)[0]!.body).toEqual({ scope: 'shared', name: '破冰', parentId: null, order: 0 });

    const again = (await within(tree).findByText('开场白')).closest('li') as HTMLElement;
    fireEvent.click(within(again).getByRole('button', { name: '停用' }));
    fireEvent.click(within(again).getByRole('button', { name: '确定停用' }));
    await waitFor(() => expect(callsTo('POST', `/api/scripts/categories/${CATEGORY_OPENING.id}/retire`)).toHaveLength(1));
  });

  it('says politely that admin rights are needed when the server answers 403', async () => {
    api({ 'GET /api/scripts': fail(403, 'FORBIDDEN', '需要管理员权限') });
    render(<ScriptsScreen staff={{ ...ADMIN_CHEN, role: 'manager' }} />);
    expect((await screen.findByTestId('needs-permission')).textContent).toContain('需要管理员权限');
  });
});
