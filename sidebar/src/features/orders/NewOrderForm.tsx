import type { ProductView } from '@zhike/shared/catalog';
import { formatFen } from '@zhike/shared/money';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { useLoaded } from '../../lib/use-loaded';
import { parseYuan } from '../../lib/yuan-input';
import { listStoreProducts } from './orders.api';
import { EMPTY_ORDER, subtotalFen, toOrderRequest, type OrderDraft } from './order-draft';
import { OrderFieldError, readableIssue } from './OrderFieldError';
import { OrderProductPicker } from './OrderProductPicker';
import { PlacedOrderCard } from './PlacedOrderCard';
import { usePlaceOrder } from './use-place-order';

const describe = (error: unknown) => describeError(error).message;

/** 代客下单: pick products, SKU and quantity, an optional discount and note; the order's card goes to the chat. */
export function NewOrderForm({ externalUserId, onPlaced, onClose }: { externalUserId: string; onPlaced: () => void; onClose: () => void }) {
  const products = useLoaded(listStoreProducts, describe);
  const [draft, setDraft] = useState<OrderDraft>(EMPTY_ORDER);
  const order = usePlaceOrder(externalUserId, onPlaced);
  const { state } = order;

  if (state.kind === 'placed') {
    return (
      <PlacedOrderCard
        state={state}
        onResend={order.resend}
        onAnother={() => {
          setDraft(EMPTY_ORDER);
          order.reset();
        }}
        onClose={onClose}
      />
    );
  }

  const placing = state.kind === 'placing';
  const details = state.kind === 'refused' ? state.details : [];
  const list: readonly ProductView[] = products.state.kind === 'ready' ? products.state.value : [];
  const subtotal = subtotalFen(draft, list);
  const discountFen = parseYuan(draft.discount) ?? 0;

  function submit() {
    const built = toOrderRequest(draft);
    if ('issues' in built) order.refuseLocally(built.issues);
    else void order.place(built);
  }

  return (
    <section className="card new-order" aria-label="代客下单">
      <div className="new-order-head">
        <span className="card-title">代客下单</span>
        <button type="button" className="link-button" onClick={onClose} disabled={placing}>
          收起
        </button>
      </div>
      {products.state.kind === 'loading' && <p className="content-muted">正在加载商品…</p>}
      {products.state.kind === 'failed' && (
        <p className="content-inline-error" role="alert">
          商品加载失败：{products.state.message}
          <button type="button" className="link-button" onClick={products.retry}>
            重试
          </button>
        </p>
      )}
      {products.state.kind === 'ready' && list.length === 0 && <p className="content-muted">商城里还没有在售商品，请管理员在管理后台上架商品。</p>}
      {list.length > 0 && <OrderProductPicker products={list} draft={draft} onChange={setDraft} details={details} disabled={placing} />}
      <OrderFieldError details={details} field="body.items" />
      <label className="order-field">
        <span>优惠（元，可不填）</span>
        <input inputMode="decimal" placeholder="0" data-testid="order-discount" value={draft.discount} disabled={placing} onChange={(event) => setDraft({ ...draft, discount: event.target.value })} />
      </label>
      <OrderFieldError details={details} field="body.discountFen" />
      <label className="order-field">
        <span>备注（客户看不到）</span>
        <input maxLength={200} value={draft.note} disabled={placing} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />
      </label>
      <OrderFieldError details={details} field="body.note" />
      <p className="order-sum">
        小计 {formatFen(subtotal)}
        {discountFen > 0 && ` · 优惠 ${formatFen(discountFen)}`} · 应付 <strong>{formatFen(Math.max(subtotal - discountFen, 0))}</strong>
      </p>
      {state.kind === 'refused' && (
        <div className="content-inline-error" role="alert" data-testid="order-error">
          <p>{state.message}</p>
          {state.details
            .filter((detail) => !shownBesideField(detail.field, draft.lines.length))
            .map((detail, index) => (
              <p key={`${detail.field}-${index}`} data-testid="field-error" data-field={detail.field}>
                {readableIssue(detail.issue)}
              </p>
            ))}
        </div>
      )}
      <button type="button" className="button button-primary" data-testid="place-order" disabled={placing || draft.lines.length === 0} onClick={submit}>
        {placing ? '正在下单…' : '下单并发送给客户'}
      </button>
    </section>
  );
}

/** Issues the form shows next to a field; any other goes with the message on top, so none is lost. */
function shownBesideField(field: string, lineCount: number): boolean {
  if (field === 'body.discountFen' || field === 'body.note' || field === 'body.items') return true;
  const line = /^body\.items\.(\d+)(\.|$)/.exec(field);
  return line !== null && Number(line[1]) < lineCount;
}
