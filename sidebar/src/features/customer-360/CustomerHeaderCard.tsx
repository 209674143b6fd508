import type { Customer360 } from '@zhike/shared/customers';
import { formatShanghaiDateTime, shanghaiDay } from '@zhike/shared/time';
import { Avatar } from '../../lib/ui/Avatar';
import { describeRecent } from './customer-360-format';
import { StageChip, StageSelector } from './CustomerStage';
import { withStageChange } from './timeline-format';
import { useStageEditor } from './use-stage-editor';

interface CustomerHeaderCardProps {
  data: Customer360;
  viewerUserid: string;
  /** Shows a change the server confirmed (see useCustomer360's `update`). */
  onUpdate: (change: (data: Customer360) => Customer360) => void;
  /** Asks for the 360 again, keeping the screen (a colleague changed something meanwhile). */
  onRefresh: () => void;
}

/** Who the customer is, their stage, and the three facts a salesperson checks before replying. */
export function CustomerHeaderCard({ data, viewerUserid, onUpdate, onRefresh }: CustomerHeaderCardProps) {
  const { customer, followers, firstTouch } = data;
  const mine = followers.find((f) => f.userid === viewerUserid && f.active);
  const stage = useStageEditor({
    externalUserId: customer.externalUserId,
    stage: data.stage,
    onChanged: (next, entry) => onUpdate((current) => withStageChange(current, next, entry)),
    onConflict: onRefresh,
  });
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
            <StageChip editor={stage} editable={mine !== undefined} stages={data.stages} />
            {customer.usesMiniProgram && <span className="c360-chip c360-chip-green">已用小程序</span>}
          </div>
          {remark && <p className="c360-sub" title="我的备注">备注：{remark}</p>}
          {company && (
            <p className="c360-sub c360-company" data-testid="customer-company" title={company}>
              {company}
            </p>
          )}
          {data.churnRisk && (
            <p className="c360-sub c360-churn" data-testid="churn-risk">
              流失风险：{data.churnRisk.reason}
            </p>
          )}
        </div>
      </div>
      {stage.open && <StageSelector editor={stage} stages={data.stages} />}
      {stage.error && (
        <p className="toast toast-error" role="alert" data-testid="stage-error">
          {stage.error}
        </p>
      )}
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
