import type { ChannelSalespeopleResponse, ChannelView } from '@zhike/shared/channels';
import type { ErrorDetail } from '@zhike/shared/errors';
import type { CorpTagView } from '@zhike/shared/tags';
import { useState } from 'react';
import { ApiError } from '../../lib/http';
import { errorDetails } from '../../lib/http-write';
import { ChannelFieldError } from './ChannelFieldError';
import { createChannel, updateChannel } from './channels.api';
import { requestOf, type ChannelDraft, type MemberDraft } from './channel-draft';
import { WelcomePreview } from './WelcomePreview';

type Salesperson = ChannelSalespeopleResponse['salespeople'][number];

interface ChannelEditorProps {
  initial: ChannelDraft;
  salespeople: readonly Salesperson[];
  tags: readonly CorpTagView[];
  onSaved: (channel: ChannelView) => void;
  onClose: () => void;
}

const blankMember = (): MemberDraft => ({ userid: '', dailyLimit: '', start: '', end: '' });

/** Create or edit a channel; the server checks everything again and names each wrong field. */
export function ChannelEditor({ initial, salespeople, tags, onSaved, onClose }: ChannelEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; details: ErrorDetail[] } | null>(null);
  const change = (next: Partial<ChannelDraft>) => setDraft((current) => ({ ...current, ...next }));
  const changeMember = (index: number, next: Partial<MemberDraft>) => change({ members: draft.members.map((m, i) => (i === index ? { ...m, ...next } : m)) });
  const details = error?.details ?? [];
  const editing = Boolean(draft.id);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const request = requestOf(draft);
      onSaved(draft.id ? await updateChannel(draft.id, { ...request, expectedVersion: draft.version ?? 1 }) : await createChannel(request));
    } catch (caught) {
      setError({ message: caught instanceof ApiError ? caught.message : '保存失败，请稍后重试', details: errorDetails(caught) });
    } finally {
      setSaving(false);
    }
  };

  const salespersonSelect = (value: string, onChange: (userid: string) => void, label: string, testId: string) => (
    <select className="form-input" aria-label={label} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">请选择销售</option>
      {salespeople.map((person) => (
        <option key={person.userid} value={person.userid}>
          {person.name}
          {person.position ? `（${person.position}）` : ''}
        </option>
      ))}
    </select>
  );
  const previewName = salespeople.find((p) => p.userid === (draft.mode === 'single' ? draft.userid : draft.members[0]?.userid))?.name ?? '李雷';

  return (
    <section className="console-card" data-testid="channel-editor" aria-label="渠道编辑">
      <div className="panel-head">
        <h2>{editing ? '编辑渠道' : '新建渠道'}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      {error && (
        <div className="form-error-banner" role="alert" data-testid="form-error">
          {error.message}
        </div>
      )}
      <div className="editor-form">
        <label className="form-field">
          <span className="form-label">渠道名称</span>
          <input className="form-input" data-testid="channel-name" value={draft.name} maxLength={30} onChange={(e) => change({ name: e.target.value })} placeholder="如：门店前台、春季活动" />
          <ChannelFieldError details={details} field="body.name" />
        </label>
        <label className="form-field">
          <span className="form-label">分组</span>
          <input className="form-input" value={draft.group} maxLength={20} onChange={(e) => change({ group: e.target.value })} placeholder="如：线下门店" />
          <ChannelFieldError details={details} field="body.group" />
        </label>

        <fieldset className="editor-fieldset">
          <legend>接待方式</legend>
          <label className="checkbox">
            <input type="radio" name="mode" checked={draft.mode === 'single'} disabled={editing} onChange={() => change({ mode: 'single' })} /> 单人活码
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" data-testid="mode-rotation" checked={draft.mode === 'rotation'} disabled={editing} onChange={() => change({ mode: 'rotation' })} /> 多人轮换
          </label>
          {editing && <p className="form-hint">接待方式创建后不能修改（企业微信不支持），如需切换请新建渠道。</p>}
          <ChannelFieldError details={details} field="body.assignment.mode" />
          {draft.mode === 'single' ? (
            <>
              {salespersonSelect(draft.userid, (userid) => change({ userid }), '接待销售', 'channel-userid')}
              <ChannelFieldError details={details} field="body.assignment.userid" />
            </>
          ) : (
            <>
              <p className="form-hint">每位成员在工作时间内、未达到当日上限时接待新客户（北京时间）；都不可接待时由备用销售接待。</p>
              {draft.members.map((member, index) => (
                <div key={index} className="field-row" data-testid="rotation-member">
                  {salespersonSelect(member.userid, (userid) => changeMember(index, { userid }), `轮换成员 ${index + 1}`, `member-${index}`)}
                  <input className="form-input" aria-label="每日上限" inputMode="numeric" placeholder="每日上限（不限）" value={member.dailyLimit} onChange={(e) => changeMember(index, { dailyLimit: e.target.value })} />
                  <input className="form-input" aria-label="开始时间" type="time" value={member.start} onChange={(e) => changeMember(index, { start: e.target.value })} />
                  <input className="form-input" aria-label="结束时间" type="time" value={member.end} onChange={(e) => changeMember(index, { end: e.target.value })} />
                  <button type="button" className="link-button link-danger" disabled={draft.members.length === 1} onClick={() => change({ members: draft.members.filter((_, i) => i !== index) })}>
                    移除
                  </button>
                  <ChannelFieldError details={details} field={`body.assignment.members.${index}`} nested />
                </div>
              ))}
              <ChannelFieldError details={details} field="body.assignment.members" />
              <button type="button" className="link-button" onClick={() => change({ members: [...draft.members, blankMember()] })}>
                + 添加成员
              </button>
              <div className="form-field">
                <span className="form-label">备用销售</span>
                {salespeople.map((person) => (
                  <label key={person.userid} className="checkbox">
                    <input
                      type="checkbox"
                      checked={draft.backups.includes(person.userid)}
                      onChange={(e) => change({ backups: e.target.checked ? [...draft.backups, person.userid] : draft.backups.filter((id) => id !== person.userid) })}
                    />{' '}
                    {person.name}
                  </label>
                ))}
                <ChannelFieldError details={details} field="body.assignment.backups" nested />
              </div>
            </>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={draft.skipVerify} onChange={(e) => change({ skipVerify: e.target.checked })} /> 客户添加时无需验证
          </label>
        </fieldset>

        <fieldset className="editor-fieldset">
          <legend>自动打标签</legend>
          {tags.length === 0 && <p className="muted">标签库为空。</p>}
          {tags.map((tag) => (
            <label key={tag.tagId} className="checkbox">
              <input type="checkbox" checked={draft.tagIds.includes(tag.tagId)} onChange={(e) => change({ tagIds: e.target.checked ? [...draft.tagIds, tag.tagId] : draft.tagIds.filter((id) => id !== tag.tagId) })} />{' '}
              {tag.groupName} · {tag.name}
            </label>
          ))}
          <ChannelFieldError details={details} field="body.tagIds" nested />
        </fieldset>

        <fieldset className="editor-fieldset">
          <legend>欢迎语</legend>
          <label className="checkbox">
            <input type="checkbox" data-testid="own-welcome" checked={draft.ownWelcome} onChange={(e) => change({ ownWelcome: e.target.checked })} /> 使用本渠道专属欢迎语（不勾选则用默认欢迎语）
          </label>
          {draft.ownWelcome && (
            <>
              <textarea className="form-input" data-testid="welcome-text" rows={4} value={draft.welcomeText} onChange={(e) => change({ welcomeText: e.target.value })} />
              <p className="form-hint">可用变量：{'{{客户称呼}} {{销售姓名}} {{销售职位}} {{今天}}'}；客户添加后 20 秒内自动发送。</p>
              <ChannelFieldError details={details} field="body.welcome.text" />
              <input className="form-input" placeholder="附带链接（可选）https://…" value={draft.linkUrl} onChange={(e) => change({ linkUrl: e.target.value })} />
              {draft.linkUrl && (
                <>
                  <input className="form-input" placeholder="链接标题" value={draft.linkTitle} onChange={(e) => change({ linkTitle: e.target.value })} />
                  <input className="form-input" placeholder="链接摘要" value={draft.linkDesc} onChange={(e) => change({ linkDesc: e.target.value })} />
                </>
              )}
              <ChannelFieldError details={details} field="body.welcome.attachments" nested />
              <WelcomePreview text={draft.welcomeText} link={draft.linkUrl ? { title: draft.linkTitle, desc: draft.linkDesc } : undefined} salesperson={previewName} />
            </>
          )}
        </fieldset>
      </div>
      <div className="editor-actions">
        <button type="button" className="button button-primary" data-testid="save-channel" disabled={saving} onClick={() => void save()}>
          {saving ? '保存中…' : editing ? '保存' : '创建并生成二维码'}
        </button>
      </div>
    </section>
  );
}
