import type { Customer360 } from '@zhike/shared/customers';
import { formatShanghaiDateTime, shanghaiDay } from '@zhike/shared/time';
import { Avatar } from '../../lib/ui/Avatar';
import { describeRecent } from './customer-360-format';

/** Who the customer is, and the three facts a salesperson checks before replying. */
export function CustomerHeaderCard({ data, viewerUserid }: { data: Customer360; viewerUserid: string }) {
  const { customer, followers, firstTouch } = data;
  const mine = followers.find((f) => f.userid === viewerUserid && f.active);
  // The viewer's own remark is how they know this person; show it when it says more than the WeCom name.
  const remark = mine?.remark && mine.remark !== customer.displayName ? mine.remark : undefined;
  const company = [customer.corpName, customer.position].filter(Boolean).join(' · ');
  const added = mine ?? followers.find((f) => f.active);
  const nameOf = (userid: string) => followers.find((f) => f.userid === userid)?.name ?? userid;

  return (
    <section className="card c360-header" aria-label="客户信息">
      <div className="c360-identity">
        <Avatar name={customer.displayName} src={customer.avatar} size={44} />
        <div className="c360-identity-text">
          <div className="c360-name-line">
            <h2 className="c360-name" data-testid="customer-name" title={customer.displayName}>
              {customer.displayName}
            </h2>
            {customer.usesMiniProgram && <span className="c360-chip c360-chip-green">已用小程序</span>}
          </div>
          {remark && <p className="c360-sub" title="我的备注">备注：{remark}</p>}
          {company && (
            <p className="c360-sub c360-company" data-testid="customer-company" title={company}>
              {company}
            </p>
          )}
        </div>
      </div>
      <dl className="c360-facts" data-testid="customer-facts">
        <div>
          <dt>首次接触</dt>
          {firstTouch ? (
            <>
              <dd title={`${firstTouch.channel}（${nameOf(firstTouch.userid)}，${formatShanghaiDateTime(firstTouch.since)}）`}>{firstTouch.channel}</dd>
              <dd className="c360-fact-sub">{shanghaiDay(firstTouch.since)}</dd>
            </>
          ) : (
            <dd>—</dd>
          )}
        </div>
        <div>
          <dt>添加于</dt>
          {added ? (
            <>
              <dd title={formatShanghaiDateTime(added.since)}>{shanghaiDay(added.since)}</dd>
              {added !== mine && <dd className="c360-fact-sub">{added.name} 添加</dd>}
            </>
          ) : (
            <dd>—</dd>
          )}
        </div>
        <div>
          <dt>最近活跃</dt>
          {customer.lastActiveAt ? (
            <dd title={formatShanghaiDateTime(customer.lastActiveAt)}>{describeRecent(customer.lastActiveAt)}</dd>
          ) : (
            <dd>暂无</dd>
          )}
        </div>
      </dl>
    </section>
  );
}
