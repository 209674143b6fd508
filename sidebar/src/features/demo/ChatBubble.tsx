import type { ChatMessagePayload } from './demo-bridge-contract';
import { demoMediaUrl } from './mini-program-url';
import { describeChatMessage } from './use-sidebar-chat-messages';

interface ChatBubbleProps {
  payload: ChatMessagePayload;
  onOpenMiniProgram?: ((page: string) => void) | undefined;
}

/** One sent message drawn the way WeCom draws it: text bubble, image, link card, mini-program card or file. */
export function ChatBubble({ payload, onOpenMiniProgram }: ChatBubbleProps) {
  const { image, news, miniprogram, file, video } = payload;
  if (payload.msgtype === 'image' && image?.mediaid) {
    return <img className="bubble-image" src={demoMediaUrl(image.mediaid)} alt="图片消息" data-testid="chat-image" />;
  }
  if (payload.msgtype === 'news' && news) {
    // The customer's tap: the link (with its tracking token) opens as it would in WeChat's browser.
    return (
      <a className="bubble bubble-card bubble-link" href={news.link} target="_blank" rel="noopener noreferrer" data-testid="chat-link-card">
        <span className="bubble-card-title">{news.title}</span>
        <span className="bubble-link-body">
          <span className="bubble-card-desc">{news.desc}</span>
          {news.imgUrl && <img className="bubble-link-thumb" src={news.imgUrl} alt="" />}
        </span>
      </a>
    );
  }
  if (payload.msgtype === 'miniprogram' && miniprogram) {
    const page = miniprogram.page ?? '';
    return (
      <button
        type="button"
        className="bubble bubble-card bubble-miniprogram"
        onClick={() => onOpenMiniProgram?.(page)}
        disabled={!onOpenMiniProgram}
        title="在客户的手机上打开"
        data-testid="chat-miniprogram-card"
        data-page={page}
      >
        <span className="bubble-card-title">{miniprogram.title}</span>
        {miniprogram.imgUrl && <img className="bubble-card-image" src={miniprogram.imgUrl} alt="" />}
        <span className="bubble-card-source">
          <span className="bubble-miniprogram-badge" aria-hidden="true">
            ∞
          </span>
          小程序
        </span>
      </button>
    );
  }
  const media = payload.msgtype === 'file' ? file : payload.msgtype === 'video' ? video : undefined;
  if (media?.mediaid) {
    const label = payload.msgtype === 'file' ? '文件' : '视频';
    return (
      <a className="bubble bubble-card bubble-file" href={demoMediaUrl(media.mediaid)} target="_blank" rel="noopener noreferrer" data-testid="chat-file-card">
        <span className={`bubble-file-icon bubble-file-icon-${payload.msgtype}`} aria-hidden="true" />
        <span className="bubble-file-text">
          <span className="bubble-card-title">{label}</span>
          <span className="bubble-card-desc">点击查看</span>
        </span>
      </a>
    );
  }
  return <div className="bubble">{describeChatMessage(payload)}</div>;
}
