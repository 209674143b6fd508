import { shanghaiDay } from '@zhike/shared/time';
import { previewText } from './channel-draft';

/** The welcome message as the customer's WeChat shows it, with a sample customer (王小明). */
export function WelcomePreview({ text, link, salesperson }: { text: string; link?: { title: string; desc: string } | undefined; salesperson: string }) {
  const [, month, day] = shanghaiDay(new Date()).split('-').map(Number);
  const sample = { customer: '王小明', salesperson, position: '销售顾问', today: `${month}月${day}日` };
  return (
    <div className="message-preview" data-testid="welcome-preview" aria-label="欢迎语预览">
      <p className="form-label">预览（示例客户：王小明）</p>
      {text.trim() && <div className="message-bubble">{previewText(text, sample)}</div>}
      {link && (
        <div className="message-card">
          <div className="message-card-body">
            <div className="message-card-title">{previewText(link.title, sample) || '（未填标题）'}</div>
            <div className="message-card-desc">{previewText(link.desc, sample)}</div>
          </div>
        </div>
      )}
    </div>
  );
}
