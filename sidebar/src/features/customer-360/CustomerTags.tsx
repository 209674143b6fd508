import type { Customer360, CustomerTagView } from '@zhike/shared/customers';
import type { CorpTagView, TagChangeView } from '@zhike/shared/tags';
import { useEffect, useState } from 'react';
import { groupTags } from './customer-360-format';
import { LocalOnlyMark } from './LocalOnlyMark';
import { markCustomerTags } from './customer-tags.api';
import { TagPicker } from './TagPicker';
import { applyTagChange, isLocalOnly, tagIdsIn, withTagChange } from './tag-editing';
import { messageOf } from './save-error';
import { useTagEditor } from './use-tag-editor';

const TOAST_MS = 4_000;

interface CustomerTagsProps {
  data: Customer360;
  viewerUserid: string;
  /** Shows a change the server confirmed (see useCustomer360's `update`). */
  onUpdate: (change: (data: Customer360) => Customer360) => void;
}

/**
 * Tags as chips, grouped as WeCom groups them, editable inline. A change is local at once and written to WeCom
 * in the background: chips on their way say 同步中, and a change WeCom refused says why, with 重试.
 */
export function CustomerTags({ data, viewerUserid, onUpdate }: CustomerTagsProps) {
  const { tags, followers, tagChanges } = data;
  const externalUserId = data.customer.externalUserId;
  const nameOf = (userid: string) => followers.find((f) => f.userid === userid)?.name ?? userid;
  const [toast, setToast] = useState<string | null>(null);
  const editor = useTagEditor({
    externalUserId,
    viewerUserid,
    tags,
    onSaved: (change, library) => {
      onUpdate((current) => applyTagChange(current, change, library, viewerUserid));
      setToast(savedToast(change, library));
    },
  });

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const pending = tagIdsIn(tagChanges, 'pending');
  const failed = tagIdsIn(tagChanges, 'failed');
  const removalsPending = [...pending].some((tagId) => !tags.some((tag) => tag.tagId === tagId));

  return (
    <section className="card" aria-label="标签">
      <div className="c360-section-head">
        <h3 className="card-title">标签</h3>
        {!editor.open && (
          <button type="button" className="button button-small" data-testid="edit-tags" aria-expanded={false} onClick={editor.openPicker}>
            编辑
          </button>
        )}
      </div>
      {tagChanges
        .filter((change) => change.state === 'failed')
        .map((change) => (
          <FailedTagChange
            key={change.requestId}
            change={change}
            externalUserId={externalUserId}
            onRetried={(answer) => {
              onUpdate((current) => withTagChange(current, answer));
              setToast(answer.state === 'failed' ? null : '已重新提交，正在同步到企业微信');
            }}
          />
        ))}
      <div className="c360-tags" data-testid="customer-tags">
        {tags.length === 0 && <p className="c360-empty">还没有标签</p>}
        {groupTags(tags).map((group) => (
          <div className="c360-tag-group" key={group.groupId} data-testid="customer-tag-group">
            <span className="c360-tag-group-name" title={group.groupName}>
              {group.groupName}
            </span>
            <span className="c360-tag-chips">
              {group.tags.map((tag) => (
                // The marker sits beside the chip, so the chip's text stays exactly the tag name.
                <span key={tag.tagId} className="c360-tag-item">
                  <span
                    className={tag.source === 'local' ? 'c360-tag c360-tag-local' : 'c360-tag'}
                    data-testid="customer-tag"
                    title={tagTitle(tag, nameOf)}
                  >
                    {tag.name}
                  </span>
                  {tag.source === 'local' ? (
                    <LocalOnlyMark />
                  ) : pending.has(tag.tagId) ? (
                    <span className="c360-tag-sync" data-testid="tag-sync-pending" title="正在同步到企业微信">
                      同步中
                    </span>
                  ) : (
                    failed.has(tag.tagId) && <span className="c360-tag-sync c360-tag-sync-failed">未同步</span>
                  )}
                </span>
              ))}
            </span>
          </div>
        ))}
        {removalsPending && <p className="c360-hint">移除的标签正在同步到企业微信…</p>}
      </div>
      {editor.open && <TagPicker editor={editor} tags={tags} viewerUserid={viewerUserid} nameOf={nameOf} />}
      {toast && (
        <p className="toast toast-ok" role="status" data-testid="tag-toast">
          {toast}
        </p>
      )}
    </section>
  );
}

function savedToast(change: TagChangeView, library: CorpTagView[]): string | null {
  if (isLocalOnly(change, library)) return '已保存（仅知客标签，不同步到企业微信）';
  if (change.state === 'synced') return '已保存并同步到企业微信';
  return change.state === 'pending' ? '已保存，正在同步到企业微信' : null; // a refusal shows as the red notice
}

/** A change WeCom refused: why, and 重试 that resends the very same request (same requestId). */
function FailedTagChange({ change, externalUserId, onRetried }: { change: TagChangeView; externalUserId: string; onRetried: (answer: TagChangeView) => void }) {
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function retry() {
    setRetrying(true);
    setError(null);
    try {
      const answer = await markCustomerTags(externalUserId, { requestId: change.requestId, add: change.add, remove: change.remove });
      onRetried(answer);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRetrying(false);
    }
  }

  return (
    <div className="c360-sync-failed" role="alert" data-testid="tag-sync-failed">
      <p>标签未能同步到企业微信：{change.error ?? '企业微信没有说明原因'}</p>
      {error && <p className="c360-sync-failed-retry">重试没有成功：{error}</p>}
      <button type="button" className="button button-small" onClick={() => void retry()} disabled={retrying}>
        {retrying ? '重试中…' : '重试'}
      </button>
    </div>
  );
}

function tagTitle(tag: CustomerTagView, nameOf: (userid: string) => string): string {
  return tag.markedBy.length > 0 ? `由 ${tag.markedBy.map(nameOf).join('、')} 标记` : '';
}
