import type { CustomerTagView } from '@zhike/shared/customers';
import { groupTags } from './customer-360-format';
import { LocalOnlyMark } from './LocalOnlyMark';
import type { useTagEditor } from './use-tag-editor';

interface TagPickerProps {
  editor: ReturnType<typeof useTagEditor>;
  /** The customer's tags, to say which ones colleagues marked. */
  tags: CustomerTagView[];
  viewerUserid: string;
  nameOf: (userid: string) => string;
}

/**
 * Inline, not a modal: the chat toolbar is ~360 px and a dialog there covers the chat. Each option is a
 * toggle button (aria-pressed) whose text is the tag name; the viewer's own marks start pressed.
 */
export function TagPicker({ editor, tags, viewerUserid, nameOf }: TagPickerProps) {
  const { library, options, selected, save, changed } = editor;
  const saving = save.kind === 'saving';
  const othersOf = (tagId: string) => tags.find((tag) => tag.tagId === tagId)?.markedBy.filter((userid) => userid !== viewerUserid) ?? [];

  return (
    <div className="c360-picker" data-testid="tag-picker">
      {library.kind === 'loading' && (
        <div aria-busy="true">
          <div className="skeleton skeleton-line" style={{ width: '60%' }} />
          <div className="skeleton skeleton-line" style={{ width: '85%' }} />
          <p className="visually-hidden" role="status">
            正在加载标签库…
          </p>
        </div>
      )}
      {library.kind === 'failed' && (
        <p className="toast toast-error c360-picker-error" role="alert">
          <span>标签库加载失败：{library.message}</span>
          <button type="button" className="button button-small" onClick={editor.loadLibrary}>
            重试
          </button>
        </p>
      )}
      {options.some((tag) => othersOf(tag.tagId).length > 0) && (
        <p className="c360-hint">带虚线的标签有同事标记；改动只影响你自己的标记。</p>
      )}
      {library.kind === 'ready' && options.length === 0 && <p className="c360-empty">企业还没有设置客户标签，请管理员添加</p>}
      {groupTags(options).map((group) => (
        <div className="c360-tag-group" key={group.groupId} role="group" aria-label={group.groupName}>
          <span className="c360-tag-group-name" title={group.groupName}>
            {group.groupName}
          </span>
          <span className="c360-tag-chips">
            {group.tags.map((tag) => {
              const checked = selected.has(tag.tagId);
              const others = othersOf(tag.tagId);
              // A colleague's mark stays theirs: unticking here only ever takes off the viewer's own.
              const title = others.length > 0 ? `由 ${others.map(nameOf).join('、')} 标记；${checked ? '取消只会去掉你的标记' : '选中后你也会标记'}` : undefined;
              return (
                <button
                  key={tag.tagId}
                  type="button"
                  className={`c360-option${others.length > 0 ? ' c360-option-theirs' : ''}`}
                  data-testid="tag-option"
                  aria-pressed={checked}
                  title={title}
                  disabled={saving}
                  onClick={() => editor.toggle(tag.tagId)}
                >
                  {tag.name}
                </button>
              );
            })}
            {/* Local tags live in their own groups, so the group carries the mark once for all its options. */}
            {group.tags[0]?.source === 'local' && <LocalOnlyMark />}
          </span>
        </div>
      ))}
      {save.kind === 'failed' && (
        <p className="toast toast-error c360-picker-error" role="alert" data-testid="tag-save-error">
          <span>{save.message}</span>
          {save.retryable && (
            <button type="button" className="button button-small" onClick={() => void editor.saveChanges()}>
              重试
            </button>
          )}
        </p>
      )}
      <div className="c360-picker-actions">
        <button type="button" className="button button-small" onClick={editor.closePicker} disabled={saving}>
          取消
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          data-testid="save-tags"
          onClick={() => void editor.saveChanges()}
          disabled={saving || !changed || library.kind !== 'ready'}
        >
          {saving ? '保存中…' : '保存'}
        </button>
      </div>
    </div>
  );
}
