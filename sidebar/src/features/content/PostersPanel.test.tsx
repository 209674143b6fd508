import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as ww from '@wecom/jssdk';
import {
  CONTENT_EXTERNAL_USERID,
  POSTER_INVITE,
  POSTER_RETIRED,
  POSTER_SPRING,
  PREPARED_POSTER,
  SEND_ID,
  SEND_PATH,
  outcomePath,
  posterPath,
} from '../../test-support/content-fixtures';
import { apiError, fakeApi, ok, postedBodies, type FakeRoute } from '../../test-support/fake-api';
import { PostersPanel } from './PostersPanel';

jest.mock('@wecom/jssdk', () => ({ __esModule: true, env: { isWeCom: true }, sendChatMessage: jest.fn() }));
const sdk = jest.mocked(ww);

function api(routes: { templates?: FakeRoute; prepare?: FakeRoute } = {}) {
  return fakeApi({
    '/api/posters/templates': routes.templates ?? ok({ templates: [POSTER_SPRING, POSTER_RETIRED, POSTER_INVITE] }),
    [SEND_PATH]: routes.prepare ?? ok(PREPARED_POSTER),
    [outcomePath(SEND_ID)]: ok({ sendId: SEND_ID, status: 'sent' }),
  });
}

const preview = () => screen.getByTestId('poster-preview') as HTMLImageElement;

beforeEach(() => jest.clearAllMocks());

describe('PostersPanel', () => {
  it('lists the active templates and previews the first one as made for this customer', async () => {
    api();
    render(<PostersPanel externalUserId={CONTENT_EXTERNAL_USERID} />);

    const templates = await screen.findAllByTestId('poster-template');
    expect(templates.map((t) => t.getAttribute('data-template-id'))).toEqual([POSTER_SPRING.id, POSTER_INVITE.id]);
    expect(templates[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(preview().getAttribute('src')).toBe(posterPath(POSTER_SPRING.id));
    screen.getByText('正在生成专属海报…');

    fireEvent.load(preview());
    expect(screen.queryByText('正在生成专属海报…')).toBeNull();
  });

  it('tapping another template shows its personalised preview, loading first', async () => {
    api();
    render(<PostersPanel externalUserId={CONTENT_EXTERNAL_USERID} />);
    fireEvent.load(await screen.findByTestId('poster-preview'));

    fireEvent.click(screen.getAllByTestId('poster-template')[1]!);
    expect(preview().getAttribute('src')).toBe(posterPath(POSTER_INVITE.id));
    screen.getByText('正在生成专属海报…');
  });

  it('sends the poster as an image through prepare → sendChatMessage → outcome', async () => {
    const fetchMock = api();
    sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok', errCode: 0 });
    render(<PostersPanel externalUserId={CONTENT_EXTERNAL_USERID} />);
    fireEvent.load(await screen.findByTestId('poster-preview'));

    fireEvent.click(screen.getByTestId('send-poster'));
    expect((await screen.findByTestId('poster-send-status')).textContent).toBe('已发送');
    expect(postedBodies(fetchMock, SEND_PATH)).toEqual([
      { requestId: expect.any(String), externalUserId: CONTENT_EXTERNAL_USERID, content: { kind: 'poster', templateId: POSTER_SPRING.id } },
    ]);
    expect(sdk.sendChatMessage).toHaveBeenCalledWith({ msgtype: 'image', image: { mediaid: 'MEDIA_poster_0001' } });
    await waitFor(() => expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'sent' }]));
  });

  it('a cancelled poster send says 已取消 and is reported as cancelled', async () => {
    const fetchMock = api();
    sdk.sendChatMessage.mockRejectedValue({ errMsg: 'sendChatMessage:cancel' });
    render(<PostersPanel externalUserId={CONTENT_EXTERNAL_USERID} />);

    fireEvent.click(await screen.findByTestId('send-poster'));
    expect((await screen.findByTestId('poster-send-status')).textContent).toBe('已取消');
    await waitFor(() => expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'cancelled', error: 'sendChatMessage:cancel' }]));
  });

  it('a preview that failed to render offers 重试, which asks for it again', async () => {
    api();
    render(<PostersPanel externalUserId={CONTENT_EXTERNAL_USERID} />);
    fireEvent.error(await screen.findByTestId('poster-preview'));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('海报预览没有生成出来');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(preview().getAttribute('src')).toBe(posterPath(POSTER_SPRING.id));
    screen.getByText('正在生成专属海报…');
  });

  it('says why the templates did not load, and when there are none', async () => {
    api({ templates: [apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), ok({ templates: [POSTER_RETIRED] })] });
    render(<PostersPanel externalUserId={CONTENT_EXTERNAL_USERID} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('海报加载失败：数据库暂时不可用');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await screen.findByText(/还没有可用的海报/);
  });
});
