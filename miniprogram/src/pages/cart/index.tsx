import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import { Empty } from '../../components/status';
import { QuantityStepper } from '../../components/quantity-stepper';
import { cartCount, linesTotalFen, MAX_QUANTITY, readCart, removeFromCart, setCartQuantity, type CartLine } from '../../features/cart/cart-store';
import { startCheckout } from '../../features/orders/checkout-draft';
import { assetUrl } from '../../lib/asset-url';
import { openPage } from '../../lib/navigation';
import { trackTap, usePageTracking } from '../../lib/tracking';
import { routes } from '../../routes';
import '../../features/orders/orders.css';
import './index.css';

function CartRow({ line, onChange }: { line: CartLine; onChange: (lines: CartLine[]) => void }) {
  return (
    <View className='cart-line'>
      <Image className='cart-cover' src={assetUrl(line.coverUrl)} mode='aspectFill' onClick={() => openPage('productDetail', { id: line.productId })} />
      <View className='cart-line-body'>
        <Text className='cart-name'>{line.name}</Text>
        <Text className='cart-sku'>{line.skuName}</Text>
        <View className='cart-line-foot'>
          <Text className='cart-price'>{formatFen(line.priceFen)}</Text>
          <QuantityStepper value={line.quantity} max={MAX_QUANTITY} onChange={(n) => onChange(setCartQuantity(line.skuId, n))} />
        </View>
      </View>
      <Text className='cart-remove' onClick={() => onChange(removeFromCart([line.skuId]))}>
        删除
      </Text>
    </View>
  );
}

/** 购物车: kept on the phone per WeChat user; read again whenever the page shows (a product page may have added). */
export default function CartPage() {
  const [lines, setLines] = useState(readCart);
  useDidShow(() => setLines(readCart()));
  usePageTracking(routes.cart);

  const checkout = () => {
    trackTap({ kind: 'element', id: 'cart-checkout', title: `去结算（${cartCount(lines)} 件）` });
    startCheckout('cart', lines);
    openPage('checkout');
  };

  if (lines.length === 0) {
    return (
      <View className='cart'>
        <Empty title='购物车还是空的' note='看看顾问为您推荐的好物吧' />
        <Button className='cart-browse' onClick={() => openPage('productList')}>
          去逛逛
        </Button>
      </View>
    );
  }

  return (
    <View className='cart'>
      {lines.map((line) => (
        <CartRow key={line.skuId} line={line} onChange={setLines} />
      ))}
      <View className='buy-bar'>
        <Text className='buy-bar-label'>合计</Text>
        <Text className='buy-bar-total'>{formatFen(linesTotalFen(lines))}</Text>
        <Button className='buy-bar-button' onClick={checkout}>
          {`去结算（${cartCount(lines)}）`}
        </Button>
      </View>
    </View>
  );
}
