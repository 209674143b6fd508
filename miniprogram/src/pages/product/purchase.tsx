import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ProductView } from '@zhike/shared/catalog';
import { formatFen } from '@zhike/shared/money';
import { QuantityStepper } from '../../components/quantity-stepper';
import { addToCart, cartCount, MAX_QUANTITY, type CartLine } from '../../features/cart/cart-store';
import { startCheckout } from '../../features/orders/checkout-draft';
import { disabledWhen } from '../../lib/disabled-when';
import { openPage } from '../../lib/navigation';
import { trackTap } from '../../lib/tracking';

type Sku = NonNullable<ProductView['skus']>[number];

const buyable = (sku: Sku) => sku.onSale && sku.stock > 0;

function SkuChoice({ sku, chosen, onChoose }: { sku: Sku; chosen: boolean; onChoose: () => void }) {
  const className = !buyable(sku) ? 'sku sku-off' : chosen ? 'sku sku-chosen' : 'sku';
  return (
    <Text className={className} onClick={() => buyable(sku) && onChoose()}>
      {buyable(sku) ? sku.name : `${sku.name}（${sku.onSale ? '缺货' : '已下架'}）`}
    </Text>
  );
}

/**
 * 规格 and 数量 on the product page, and the buy bar fixed at the bottom: 问顾问, 购物车 with its count,
 * 加入购物车, 立即购买. The line carries the name and price the customer saw; the server prices the order.
 */
export function Purchase({ product, onAskAdvisor }: { product: ProductView; onAskAdvisor: () => void }) {
  const skus = product.skus ?? [];
  const [skuId, setSkuId] = useState(() => skus.find(buyable)?.id);
  const [quantity, setQuantity] = useState(1);
  const [inCart, setInCart] = useState(() => cartCount());
  useDidShow(() => setInCart(cartCount()));

  const sku = skus.find((s) => s.id === skuId);
  const maxQuantity = sku ? Math.max(1, Math.min(sku.stock, MAX_QUANTITY)) : 1;
  const canBuy = product.onSale && sku !== undefined && buyable(sku);
  const line = (): CartLine | undefined =>
    canBuy ? { productId: product.id, skuId: sku.id, name: product.name, skuName: sku.name, priceFen: sku.priceFen, coverUrl: product.coverUrl, quantity: Math.min(quantity, maxQuantity) } : undefined;

  const choose = (next: Sku) => {
    setSkuId(next.id);
    setQuantity((q) => Math.min(q, Math.max(1, Math.min(next.stock, MAX_QUANTITY))));
  };
  const putInCart = () => {
    const chosen = line();
    if (!chosen) return;
    trackTap({ kind: 'element', id: `cart-add:${product.id}`, title: `加入购物车《${product.name}》` });
    setInCart(cartCount(addToCart(chosen)));
    void Taro.showToast({ title: '已加入购物车', icon: 'success' });
  };
  const buyNow = () => {
    const chosen = line();
    if (!chosen) return;
    trackTap({ kind: 'element', id: `buy:${product.id}`, title: `想购买《${product.name}》` });
    startCheckout('buyNow', [chosen]);
    openPage('checkout');
  };

  return (
    <>
      {product.onSale && (
        <View className='purchase'>
          <Text className='purchase-title'>规格</Text>
          {skus.length === 0 ? (
            <Text className='purchase-note'>暂无可购买的规格，可联系顾问</Text>
          ) : (
            <View className='skus'>
              {skus.map((s) => (
                <SkuChoice key={s.id} sku={s} chosen={s.id === skuId} onChoose={() => choose(s)} />
              ))}
            </View>
          )}
          {sku && (
            <View className='purchase-row'>
              <Text className='purchase-title'>数量</Text>
              <Text className='purchase-price'>{formatFen(sku.priceFen)}</Text>
              <QuantityStepper value={quantity} max={maxQuantity} onChange={setQuantity} />
            </View>
          )}
          {sku && sku.stock <= 10 && <Text className='purchase-note'>{`仅剩 ${sku.stock} 件`}</Text>}
        </View>
      )}

      <View className='product-actions'>
        <View className='product-icon' onClick={onAskAdvisor}>
          <Text className='product-icon-label'>问顾问</Text>
        </View>
        <View className='product-icon' onClick={() => openPage('cart')}>
          <Text className='product-icon-label'>购物车</Text>
          {inCart > 0 && <Text className='product-cart-count'>{inCart > 99 ? '99+' : inCart}</Text>}
        </View>
        <Button className='product-add' {...disabledWhen(!canBuy)} onClick={putInCart}>
          加入购物车
        </Button>
        <Button className='product-buy' {...disabledWhen(!canBuy)} onClick={buyNow}>
          立即购买
        </Button>
      </View>
    </>
  );
}
