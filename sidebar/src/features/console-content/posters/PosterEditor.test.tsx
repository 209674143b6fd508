import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PosterTemplateView } from '@zhike/shared/posters';
import { SPRING_POSTER } from '../testing/console-fixtures';
import { fail, fakeConsoleApi, json, png, type FakeConsoleRoute } from '../testing/fake-console-api';
import PostersScreen from './PostersScreen';

const TEMPLATE_PATH = `/api/posters/templates/${SPRING_POSTER.id}`;
const { version: _version, id: _id, retired: _retired, updatedAt: _updatedAt, ...SPRING_FIELDS } = SPRING_POSTER;

function api(extra: Record<string, FakeConsoleRoute> = {}) {
  return fakeConsoleApi({ 'GET /api/posters/templates': json({ templates: [SPRING_POSTER] }), ...extra });
}

beforeEach(() => {
  URL.createObjectURL = jest.fn(() => 'blob:poster-preview-1');
  URL.revokeObjectURL = jest.fn();
});

async function openSpring() {
  render(<PostersScreen />);
  fireEvent.click(await screen.findByText('春季新品'));
  return screen.getByTestId('poster-editor');
}

const layer = (n: number) => screen.getAllByTestId('poster-layer')[n - 1]!;
const fieldOf = (element: HTMLElement) => element.closest('.form-field') as HTMLElement;

describe('Poster template editor', () => {
  it('lists templates with retired ones asked for', async () => {
    const { callsTo } = api();
    render(<PostersScreen />);
    await screen.findByText('春季新品');
    expect(callsTo('GET', '/api/posters/templates')[0]!.query.get('includeRetired')).toBe('true');
  });

  it('预览 posts the template as on screen and shows the PNG it answers', async () => {
    const { callsTo } = api({ 'POST /api/posters/preview': png() });
    const editor = await openSpring();
    fireEvent.change(within(layer(4)).getByLabelText('边长'), { target: { value: '240' } });
    fireEvent.click(within(editor).getByTestId('preview-poster'));

    const image = (await screen.findByTestId('poster-preview-image')) as HTMLImageElement;
    expect(image.getAttribute('src')).toBe('blob:poster-preview-1');
    const layers = SPRING_FIELDS.layers.map((l, i) => (i === 3 ? { ...l, size: 240 } : l));
    expect(callsTo('POST', '/api/posters/preview').map((call) => call.body)).toEqual([{ ...SPRING_FIELDS, layers }]);
  });

  it('puts a 400’s issue on the right layer’s field (body.layers.2.fontSize → layer 3’s 字号)', async () => {
    api({
      'POST /api/posters/preview': fail(400, 'VALIDATION_FAILED', '海报模板有误', [
        { field: 'body.layers.2.fontSize', issue: '字号最多 160' },
        { field: 'body.name', issue: '名称不能为空' },
      ]),
    });
    const editor = await openSpring();
    fireEvent.change(within(layer(3)).getByLabelText('字号'), { target: { value: '400' } });
    fireEvent.click(within(editor).getByTestId('preview-poster'));

    expect((await screen.findByTestId('form-error')).textContent).toContain('海报模板有误');
    const issues = within(fieldOf(within(layer(3)).getByLabelText('字号'))).getAllByTestId('field-error');
    expect(issues.map((e) => [e.getAttribute('data-field'), e.textContent])).toEqual([['body.layers.2.fontSize', '字号最多 160']]);
    expect(within(layer(1)).queryAllByTestId('field-error')).toEqual([]);
    expect(within(fieldOf(screen.getByTestId('poster-name-input'))).getByTestId('field-error').textContent).toBe('名称不能为空');
    expect(screen.queryByTestId('poster-preview-image')).toBeNull();
  });

  it('checks numbers on screen before sending: an emptied field is named, nothing is posted', async () => {
    const { calls } = api();
    const editor = await openSpring();
    fireEvent.change(within(layer(2)).getByLabelText('Y'), { target: { value: '' } });
    fireEvent.click(within(editor).getByTestId('preview-poster'));

    const issue = within(fieldOf(within(layer(2)).getByLabelText('Y'))).getByTestId('field-error');
    expect([issue.getAttribute('data-field'), issue.textContent]).toEqual(['body.layers.1.y', '请填写数值']);
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('adds, reorders and removes layers; the saved template carries them in the new order', async () => {
    const saved: PosterTemplateView = { ...SPRING_POSTER, version: 3 };
    const { callsTo } = api({ [`PUT ${TEMPLATE_PATH}`]: json({ template: saved }) });
    const editor = await openSpring();
    fireEvent.click(within(editor).getByRole('button', { name: '+ 二维码' }));
    fireEvent.click(within(editor).getByRole('button', { name: '删除图层 4' }));
    fireEvent.click(within(editor).getByRole('button', { name: '上移图层 3' }));
    fireEvent.click(within(editor).getByTestId('save-poster'));

    await screen.findByText('已保存');
    const body = callsTo('PUT', TEMPLATE_PATH)[0]!.body as { layers: Array<{ type: string }>; expectedVersion: number };
    expect(body.layers.map((l) => l.type)).toEqual(['text', 'text', 'image', 'qr']);
    expect(body.expectedVersion).toBe(2);
  });

  it('on 409 offers to reload the colleague’s version', async () => {
    const colleagues: PosterTemplateView = { ...SPRING_POSTER, name: '春季新品（改）', version: 3 };
    api({
      'GET /api/posters/templates': [json({ templates: [SPRING_POSTER] }), json({ templates: [colleagues] })],
      [`PUT ${TEMPLATE_PATH}`]: fail(409, 'CONFLICT', '模板已被他人修改'),
    });
    const editor = await openSpring();
    fireEvent.click(within(editor).getByTestId('save-poster'));
    fireEvent.click(await screen.findByTestId('reload-poster'));
    await waitFor(() => expect((screen.getByTestId('poster-name-input') as HTMLInputElement).value).toBe('春季新品（改）'));
    expect(screen.queryByTestId('form-error')).toBeNull();
  });
});
