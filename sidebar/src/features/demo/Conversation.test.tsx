import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ChatMessagePayload } from './demo-bridge-contract';
import { Conversation } from './Conversation';
import type { ChatMessage } from './use-sidebar-chat-messages';

const WANG = { external_userid: 'wmWANG', name: '王小明', avatar: '/a/wang.svg', openid: 'o-wang' };

const PAYLOADS: ChatMessagePayload[] = [
  { msgtype: 'text', text: { content: '王先生您好，我是李娜' } },
  { msgtype: 'image', image: { mediaid: 'MEDIA_poster 1' } },
  { msgtype: 'news', news: { link: 'https://zhike.example.com/c/tok123', title: '知客产品手册', desc: '三分钟看懂知客', imgUrl: 'https://zhike.example.com/cover.png' } },
  { msgtype: 'miniprogram', miniprogram: { appid: 'wxdemo0001', title: '春季新品', imgUrl: 'https://zhike.example.com/mp.png', page: 'pages/product/detail.html?id=42&t=tok456' } },
  { msgtype: 'file', file: { mediaid: 'MEDIA_file_1' } },
];

const messages: ChatMessage[] = PAYLOADS.map((payload, index) => ({ id: index + 1, payload, sentAt: 1_700_000_000_000 + index }));

describe('Conversation', () => {
  it('draws every message type the sidebar sends, in order', () => {
    render(<Conversation contact={WANG} messages={messages} onOpenMiniProgram={jest.fn()} />);

    const rows = screen.getAllByTestId('chat-message');
    expect(rows.map((row) => row.getAttribute('data-msgtype'))).toEqual(['text', 'image', 'news', 'miniprogram', 'file']);
    expect(rows[0]!.textContent).toBe('王先生您好，我是李娜');
    expect(within(rows[1]!).getByTestId('chat-image').getAttribute('src')).toBe('/sandbox/demo/media/MEDIA_poster%201');

    const link = within(rows[2]!).getByTestId('chat-link-card');
    expect(link.getAttribute('href')).toBe('https://zhike.example.com/c/tok123');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('知客产品手册三分钟看懂知客');
    expect(link.querySelector('img')!.getAttribute('src')).toBe('https://zhike.example.com/cover.png');

    const card = within(rows[3]!).getByTestId('chat-miniprogram-card');
    expect(card.textContent).toContain('春季新品');
    expect(card.textContent).toContain('小程序');
    expect(card.querySelector('img')!.getAttribute('src')).toBe('https://zhike.example.com/mp.png');

    expect(within(rows[4]!).getByTestId('chat-file-card').getAttribute('href')).toBe('/sandbox/demo/media/MEDIA_file_1');
  });

  it('a tap on a mini-program card asks to open its page, query and all', () => {
    const open = jest.fn();
    render(<Conversation contact={WANG} messages={messages} onOpenMiniProgram={open} />);

    fireEvent.click(screen.getByTestId('chat-miniprogram-card'));
    expect(open).toHaveBeenCalledWith('pages/product/detail.html?id=42&t=tok456');
  });

  it('shows message types it does not draw by name rather than dropping them', () => {
    render(<Conversation contact={WANG} messages={[{ id: 1, payload: { msgtype: 'msgmenu' }, sentAt: 0 }]} />);
    expect(screen.getByTestId('chat-message').textContent).toBe('[msgmenu]');
  });
});
