import type { StaffProfile } from '@zhike/shared/auth';
import { Avatar } from '../../../lib/ui/Avatar';
import { fillSample } from '../form/script-variables';
import { SAMPLE_CUSTOMER_NAME, sampleVariables } from './preview-sample';
import type { ScriptDraft } from './script-draft';

/** How the message will look in the customer's chat, variables filled with sample values, as the draft is typed. */
export function MessagePreview({ draft, staff }: { draft: ScriptDraft; staff: StaffProfile }) {
  const sample = sampleVariables(staff);
  const fill = (text: string) => fillSample(text, sample);
  return (
    <aside className="message-preview" aria-label="消息预览" data-testid="message-preview">
      <div className="message-preview-head">预览 · 发给 {SAMPLE_CUSTOMER_NAME}</div>
      <div className="message-preview-chat">
        <div className="message-line">
          <div className="message-bubble-wrap">
            <MessageBody draft={draft} fill={fill} />
          </div>
          <Avatar name={staff.name} src={staff.avatar} size={32} />
        </div>
      </div>
      <p className="form-hint">变量按示例客户填充；实际发送时按每位客户的资料填写。</p>
    </aside>
  );
}

function MessageBody({ draft, fill }: { draft: ScriptDraft; fill: (text: string) => string }) {
  switch (draft.type) {
    case 'text':
      return <div className="message-bubble">{fill(draft.text) || <span className="muted">（还没有内容）</span>}</div>;
    case 'image':
      return draft.image ? <img className="message-image" src={draft.image.url} alt="图片消息" /> : <div className="message-bubble muted">（还没有上传图片）</div>;
    case 'file':
      return (
        <div className="message-card message-file">
          <span className="message-card-title">{draft.file?.filename ?? (draft.file ? '文件' : '（还没有上传文件）')}</span>
          <span className="message-file-icon" aria-hidden="true">
            PDF
          </span>
        </div>
      );
    case 'link':
      return (
        <div className="message-card">
          <span className="message-card-title">{fill(draft.link.title) || '链接标题'}</span>
          <span className="message-card-body">
            <span className="message-card-desc">{fill(draft.link.desc) || draft.link.url}</span>
            {draft.link.image && <img className="message-card-thumb" src={draft.link.image.url} alt="" />}
          </span>
        </div>
      );
    case 'miniprogram':
      return (
        <div className="message-card message-mp">
          <span className="message-card-title">{fill(draft.miniprogram.title) || '小程序卡片标题'}</span>
          {draft.miniprogram.image ? <img className="message-mp-cover" src={draft.miniprogram.image.url} alt="" /> : <span className="message-mp-cover message-mp-empty">封面</span>}
          <span className="message-mp-foot">小程序</span>
        </div>
      );
  }
}
