import type { CustomerFollower } from '@zhike/shared/customers';
import { formatShanghaiDateTime, shanghaiDay } from '@zhike/shared/time';
import { Avatar } from '../../lib/ui/Avatar';
import { END_REASON_LABELS, endedLabel, sortFollowers } from './customer-360-format';

/** Colleagues who have (or had) this customer as a contact: who else to ask before stepping on toes. */
export function CustomerFollowers({ followers, viewerUserid }: { followers: CustomerFollower[]; viewerUserid: string }) {
  const activeCount = followers.filter((f) => f.active).length;
  return (
    <section className="card" aria-label="跟进的同事">
      <div className="c360-section-head">
        <h3 className="card-title">跟进的同事</h3>
        <span className="c360-hint">{activeCount} 人跟进中</span>
      </div>
      <ul className="c360-followers" data-testid="customer-followers">
        {followers.length === 0 && <li className="c360-empty">还没有同事添加这位客户</li>}
        {sortFollowers(followers, viewerUserid).map((f) => (
          <li key={f.userid} className={f.active ? 'c360-follower' : 'c360-follower c360-follower-ended'} data-testid="customer-follower">
            <Avatar name={f.name} src={f.avatar} size={28} />
            <div className="c360-follower-text">
              <div className="c360-name-line">
                <span className="c360-follower-name">{f.name}</span>
                {f.userid === viewerUserid && <span className="c360-chip">我</span>}
                {!f.active && <span className="c360-chip c360-chip-grey">{endedLabel(f)}</span>}
                {f.active && f.departed && <span className="c360-chip c360-chip-grey">已离职 · 待分配</span>}
              </div>
              {/* The viewer's own remark already heads the 360. */}
              {f.remark && f.userid !== viewerUserid && (
                <p className="c360-sub" title={f.description ?? f.remark}>
                  备注：{f.remark}
                </p>
              )}
              <p className="c360-meta" title={formatShanghaiDateTime(f.since)}>
                {f.active ? `${f.addWayLabel} · ${shanghaiDay(f.since)} 添加` : endedText(f)}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function endedText(f: CustomerFollower): string {
  const reason = f.endReason ? END_REASON_LABELS[f.endReason] : '关系已结束';
  return f.endedAt ? `${reason} · ${shanghaiDay(f.endedAt)}` : reason;
}
