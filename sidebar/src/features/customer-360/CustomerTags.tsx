import type { CustomerFollower, CustomerTagView } from '@zhike/shared/customers';
import { groupTags } from './customer-360-format';

/** Tags as chips, grouped as WeCom groups them. Read-only until tag editing ships. */
export function CustomerTags({ tags, followers }: { tags: CustomerTagView[]; followers: CustomerFollower[] }) {
  const nameOf = (userid: string) => followers.find((f) => f.userid === userid)?.name ?? userid;
  return (
    <section className="card" aria-label="标签">
      <div className="c360-section-head">
        <h3 className="card-title">标签</h3>
        <span className="c360-hint">标签编辑即将开放</span>
      </div>
      <div className="c360-tags" data-testid="customer-tags">
        {tags.length === 0 && <p className="c360-empty">还没有标签</p>}
        {groupTags(tags).map((group) => (
          <div className="c360-tag-group" key={group.groupId} data-testid="customer-tag-group">
            <span className="c360-tag-group-name" title={group.groupName}>
              {group.groupName}
            </span>
            <span className="c360-tag-chips">
              {group.tags.map((tag) => (
                <span
                  key={tag.tagId}
                  className={tag.source === 'local' ? 'c360-tag c360-tag-local' : 'c360-tag'}
                  data-testid="customer-tag"
                  title={tagTitle(tag, nameOf)}
                >
                  {tag.name}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}

function tagTitle(tag: CustomerTagView, nameOf: (userid: string) => string): string {
  const by = tag.markedBy.length > 0 ? `由 ${tag.markedBy.map(nameOf).join('、')} 标记` : '';
  const local = tag.source === 'local' ? '知客标签，不同步到企业微信' : '';
  return [by, local].filter(Boolean).join('；');
}
