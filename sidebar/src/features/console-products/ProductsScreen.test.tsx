import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fail, fakeConsoleApi, json, type FakeConsoleRoute } from '../console-content/testing/fake-console-api';
import { ADMIN_CHEN, UPLOADED_IMAGE } from '../console-content/testing/console-fixtures';
import ProductsScreen from './ProductsScreen';
import { HAND_CREAM, SERUM } from './testing-fixtures';

function api(extra: Record<string, FakeConsoleRoute> = {}) {
  return fakeConsoleApi({ 'GET /api/admin/products': json({ items: [SERUM, HAND_CREAM] }), ...extra });
}

const rowOf = (productId: string) => screen.getAllByTestId('product-row').find((row) => row.getAttribute('data-product-id') === productId)!;
const fieldOf = (element: HTMLElement) => element.closest('.form-field, td') as HTMLElement;
const checked = (row: HTMLElement) => (within(row).getByTestId('product-on-sale') as HTMLInputElement).checked;
const errorsIn = (element: HTMLElement) => within(element).queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);

describe('商品管理 screen', () => {
  it('lists every product with cover, price range and stock of the SKUs on sale, and its 上架 state', async () => {
    api();
    render(<ProductsScreen staff={ADMIN_CHEN} />);
    await screen.findByText('精华护肤套装');
    const serum = rowOf(SERUM.id);
    expect(within(serum).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['', '精华护肤套装', '¥399.00–¥459.00', '250', '在售']);
    expect(checked(rowOf(HAND_CREAM.id))).toBe(false);
    expect(serum.querySelector('img')?.getAttribute('src')).toBe(SERUM.coverUrl);
  });

  it('switches a product off sale with only the flag, and says so when the switch fails', async () => {
    const { callsTo } = api({
      [`PUT /api/admin/products/${SERUM.id}/on-sale`]: json({ product: { ...SERUM, onSale: false } }),
      [`PUT /api/admin/products/${HAND_CREAM.id}/on-sale`]: fail(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'),
    });
    render(<ProductsScreen staff={ADMIN_CHEN} />);
    await screen.findByText('精华护肤套装');
    fireEvent.click(within(rowOf(SERUM.id)).getByTestId('product-on-sale'));
    await waitFor(() => expect(checked(rowOf(SERUM.id))).toBe(false));
    expect(callsTo('PUT', `/api/admin/products/${SERUM.id}/on-sale`).map((call) => call.body)).toEqual([{ onSale: false }]);

    fireEvent.click(within(rowOf(HAND_CREAM.id)).getByTestId('product-on-sale'));
    expect((await within(rowOf(HAND_CREAM.id)).findByRole('alert')).textContent).toMatch(/^上架失败：/);
    expect(checked(rowOf(HAND_CREAM.id))).toBe(false);
  });

  it('creates a product: uploads the cover, converts 元 to fen, sends badges and paragraphs, and lists the result', async () => {
    const created = { ...SERUM, id: 'e00000000000000000000003', name: '山茶花精华', skus: [{ id: 'f00000000000000000000010', name: '30ml', priceFen: 25_990, stock: 12, onSale: true }] };
    const { callsTo } = api({ 'PUT /api/assets': json({ asset: UPLOADED_IMAGE }, 201), 'POST /api/admin/products': json({ product: created }, 201) });
    render(<ProductsScreen staff={ADMIN_CHEN} />);
    await screen.findByText('精华护肤套装');
    fireEvent.click(screen.getByTestId('new-product'));
    const editor = screen.getByTestId('product-editor');

    fireEvent.change(screen.getByTestId('product-name-input'), { target: { value: '山茶花精华' } });
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'cover.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('upload-body.coverAssetId'), { target: { files: [file] } });
    await waitFor(() => expect(within(editor).getByAltText('已上传的图片').getAttribute('src')).toBe(UPLOADED_IMAGE.url));
    fireEvent.change(within(editor).getByLabelText('标签（空格分隔，最多 3 个）'), { target: { value: '新品，热卖' } });
    fireEvent.change(within(editor).getByLabelText('商品介绍（每行一段）'), { target: { value: '第一段\n\n第二段 ' } });
    fireEvent.change(within(editor).getByLabelText('划线价（元，可不填）'), { target: { value: '299' } });
    fireEvent.change(within(editor).getByLabelText('规格 1 名称'), { target: { value: '30ml' } });
    fireEvent.change(within(editor).getByLabelText('规格 1 价格'), { target: { value: '259.9' } });
    fireEvent.change(within(editor).getByLabelText('规格 1 库存'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('save-product'));

    await screen.findByText('已保存');
    expect(callsTo('POST', '/api/admin/products').map((call) => call.body)).toEqual([
      {
        name: '山茶花精华',
        subtitle: '',
        coverAssetId: UPLOADED_IMAGE.id,
        imageAssetIds: [],
        originalPriceFen: 29_900,
        badges: ['新品', '热卖'],
        description: ['第一段', '第二段'],
        onSale: true,
        featuredRank: 0,
        skus: [{ name: '30ml', priceFen: 25_990, stock: 12, onSale: true }],
      },
    ]);
    expect(rowOf(created.id)).toBeTruthy();
    // The form now holds the server's SKU ids, so saving again updates them rather than adding them twice.
    expect(screen.getByRole('heading', { name: '编辑商品' })).toBeTruthy();
  });

  it('edits a product keeping SKU ids, adds a row, and shows each server issue next to its field', async () => {
    const { callsTo } = api({
      [`PUT /api/admin/products/${SERUM.id}`]: fail(400, 'VALIDATION_FAILED', '请修改标出的字段后再保存', [
        { field: 'body.skus.3.priceFen', issue: '价格至少 1 分' },
        { field: 'body.originalPriceFen', issue: '划线价不能低于最低售价 399.00 元' },
        { field: 'body.imageAssetIds.0', issue: '素材不存在' },
      ]),
    });
    render(<ProductsScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByText('精华护肤套装'));
    const editor = screen.getByTestId('product-editor');
    expect(within(editor).getAllByTestId('sku-row')).toHaveLength(3);
    fireEvent.click(screen.getByTestId('add-sku'));
    fireEvent.change(within(editor).getByLabelText('规格 4 名称'), { target: { value: '体验装' } });
    fireEvent.change(within(editor).getByLabelText('规格 4 价格'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('save-product'));

    expect((await screen.findByTestId('form-error')).textContent).toContain('请修改标出的字段后再保存');
    expect(errorsIn(fieldOf(within(editor).getByLabelText('规格 4 价格')))).toEqual([['body.skus.3.priceFen', '价格至少 1 分']]);
    expect(errorsIn(fieldOf(within(editor).getByLabelText('划线价（元，可不填）')))).toEqual([['body.originalPriceFen', '划线价不能低于最低售价 399.00 元']]);
    expect(errorsIn(within(editor).getByTestId('product-image'))).toEqual([['body.imageAssetIds.0', '素材不存在']]);

    const body = callsTo('PUT', `/api/admin/products/${SERUM.id}`)[0]!.body as { skus: object[]; originalPriceFen: number; imageAssetIds: string[] };
    expect(body.skus).toEqual([
      { id: 'f00000000000000000000001', name: '标准装', priceFen: 39_900, stock: 200, onSale: true },
      { id: 'f00000000000000000000002', name: '礼盒装', priceFen: 45_900, stock: 50, onSale: true },
      { id: 'f00000000000000000000003', name: '旧款', priceFen: 29_900, stock: 9, onSale: false },
      { name: '体验装', priceFen: 0, stock: 0, onSale: true },
    ]);
    expect([body.originalPriceFen, body.imageAssetIds]).toEqual([49_900, SERUM.imageAssetIds]);
  });

  it('checks amounts before sending: a price that is not in 元 stays on screen with its issue', async () => {
    const { callsTo } = api();
    render(<ProductsScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByText('精华护肤套装'));
    const editor = screen.getByTestId('product-editor');
    fireEvent.change(within(editor).getByLabelText('规格 1 价格'), { target: { value: '39.999' } });
    fireEvent.change(within(editor).getByLabelText('规格 2 库存'), { target: { value: '-3' } });
    fireEvent.click(screen.getByTestId('save-product'));
    expect(errorsIn(fieldOf(within(editor).getByLabelText('规格 1 价格')))).toEqual([['body.skus.0.priceFen', '请填写价格，如 99 或 99.90']]);
    expect(errorsIn(fieldOf(within(editor).getByLabelText('规格 2 库存')))).toEqual([['body.skus.1.stock', '库存请填写整数']]);
    expect(callsTo('PUT', `/api/admin/products/${SERUM.id}`)).toHaveLength(0);
  });

  it('explains whom to ask when the viewer is not an admin', async () => {
    api({ 'GET /api/admin/products': fail(403, 'FORBIDDEN', '没有权限执行此操作') });
    render(<ProductsScreen staff={{ ...ADMIN_CHEN, role: 'salesperson' }} />);
    expect(await screen.findByText(/商品管理/)).toBeTruthy();
  });
});
