import { renderHook, waitFor } from '@testing-library/react';
import { useWelcomeMessages, welcomePayloads } from './use-welcome-messages';

describe('welcome messages in the simulated chat', () => {
  it('maps send_welcome_msg attachments to chat bubbles', () => {
    expect(
      welcomePayloads({
        userid: 'lilei',
        text: '赵丽您好',
        attachments: [{ msgtype: 'link', link: { title: '春季新品', url: 'https://brand.example/new', desc: '限时' } }],
        sentAt: 1,
      }),
    ).toEqual([
      { msgtype: 'text', text: { content: '赵丽您好' } },
      { msgtype: 'news', news: { title: '春季新品', desc: '限时', link: 'https://brand.example/new', imgUrl: '' } },
    ]);
  });

  it('polls the sandbox for one customer and turns the answer into bubbles', async () => {
    const fetchMock = jest.fn(async () => ({ ok: true, json: async () => ({ messages: [{ userid: 'lilei', text: '赵丽您好，我是李雷', attachments: [], sentAt: 1 }] }) }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const { result } = renderHook(() => useWelcomeMessages('wm_zhao'));
    await waitFor(() => expect(result.current).toEqual([{ msgtype: 'text', text: { content: '赵丽您好，我是李雷' } }]));
    expect(fetchMock).toHaveBeenCalledWith('/sandbox/demo/welcome-messages?externalUserId=wm_zhao');
  });
});
