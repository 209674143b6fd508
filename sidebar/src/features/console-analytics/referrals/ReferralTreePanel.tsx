import { REFERRAL_TREE_MAX_DEPTH, type ReferralTreeNode } from '@zhike/shared/analytics';
import { formatFen } from '@zhike/shared/money';
import { LoadStatus } from '../../../lib/ui/LoadStatus';
import { formatCount, formatDateTime } from '../analytics-format';
import { fetchReferralTree } from '../analytics.api';
import { DrillNumber } from '../drill-down/drill-down-context';
import { useReport } from '../use-report';

const CHANNEL_LABELS: Record<NonNullable<ReferralTreeNode['channel']>, string> = { share: '分享', poster: '海报' };

interface ReferralTreePanelProps {
  customerId: string;
  /** Another customer in the tree becomes the one shown (their own inviters and invitees). */
  onOpen: (customerId: string) => void;
  onClose: () => void;
}

/** Who invited the customer (the chain up to the root) and everyone below them, as an indented tree. */
export function ReferralTreePanel({ customerId, onOpen, onClose }: ReferralTreePanelProps) {
  const { state, retry } = useReport(() => fetchReferralTree(customerId), customerId);
  return (
    <section className="console-card referral-tree" aria-label="推荐关系" data-testid="referral-tree">
      <div className="panel-head">
        <h2>推荐关系{state.kind === 'ready' ? `：${state.value.root.name}` : ''}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          收起
        </button>
      </div>
      <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={retry} />
      {state.kind === 'ready' && (
        <>
          <p className="referral-chain" data-testid="referral-chain">
            {state.value.invitedBy.length === 0 ? (
              <span className="muted">没有人邀请 TA，是推荐链的起点。</span>
            ) : (
              <>
                邀请链：
                {state.value.invitedBy.map((inviter) => (
                  <span key={inviter.customerId}>
                    <button type="button" className="link-button" onClick={() => onOpen(inviter.customerId)}>
                      {inviter.name}
                    </button>
                    {' › '}
                  </span>
                ))}
                <strong>{state.value.root.name}</strong>
              </>
            )}
          </p>
          <ul className="referral-nodes">
            <TreeNode node={state.value.root} depth={0} onOpen={onOpen} />
          </ul>
          {state.value.truncated && <p className="form-hint">只显示往下 {REFERRAL_TREE_MAX_DEPTH} 层的邀请；点击更深处的客户可以继续展开。</p>}
        </>
      )}
    </section>
  );
}

function TreeNode({ node, depth, onOpen }: { node: ReferralTreeNode; depth: number; onOpen: (customerId: string) => void }) {
  return (
    <li data-testid="referral-node" data-customer-id={node.customerId}>
      <div className="referral-node" style={{ paddingLeft: depth * 20 }}>
        {depth === 0 ? (
          <strong className="referral-node-name">{node.name}</strong>
        ) : (
          <button type="button" className="link-button referral-node-name" title="以 TA 为中心查看" onClick={() => onOpen(node.customerId)}>
            {node.name}
          </button>
        )}
        <span className="referral-chip">{node.channel ? CHANNEL_LABELS[node.channel] : '—'}</span>
        <span className={node.ordered ? 'referral-chip referral-chip-ordered' : 'referral-chip'}>{node.ordered ? '已下单' : '未下单'}</span>
        <span className="referral-node-figure">营收 {formatFen(node.revenueFen)}</span>
        {node.children.length > 0 && (
          <span className="referral-node-figure">
            邀请{' '}
            <DrillNumber query={{ population: 'invitees', inviterId: node.customerId }} label={`${node.name} 邀请的客户`} testId={`drill-tree-${node.customerId}-invitees`}>
              {formatCount(node.children.length)}
            </DrillNumber>{' '}
            人
          </span>
        )}
        {node.at && <span className="muted referral-node-at">{formatDateTime(node.at)} 被邀请</span>}
      </div>
      {node.children.length > 0 && (
        <ul className="referral-nodes">
          {node.children.map((child) => (
            <TreeNode key={child.customerId} node={child} depth={depth + 1} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </li>
  );
}
