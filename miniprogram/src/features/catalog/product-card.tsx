import { Image, Text, View } from '@tarojs/components';
import type { ProductView } from '@zhike/shared/catalog';
import { assetUrl } from '../../lib/asset-url';
import { openPage } from '../../lib/navigation';
import { exposureElementId, trackTap } from '../../lib/tracking';
import { productTarget } from './api';
import { Price } from './price';
import './catalog.css';

/** A product in a two-column grid; opening it is a tracked tap. */
export function ProductCard({ product, listKey }: { product: ProductView; listKey: string }) {
  const open = () => {
    trackTap(productTarget(product));
    openPage('productDetail', { id: product.id });
  };
  return (
    <View className='product-card' id={exposureElementId(listKey, product.id)} onClick={open}>
      <Image className='product-card-cover' src={assetUrl(product.coverUrl)} mode='aspectFill' lazyLoad />
      <View className='product-card-body'>
        <Text className='product-card-name'>{product.name}</Text>
        <Text className='product-card-subtitle'>{product.subtitle}</Text>
        {product.badges.length > 0 && (
          <View className='badges'>
            {product.badges.slice(0, 2).map((badge) => (
              <Text key={badge} className='badge'>
                {badge}
              </Text>
            ))}
          </View>
        )}
        <Price fen={product.priceFen} originalFen={product.originalPriceFen} />
      </View>
    </View>
  );
}

export function ProductGrid({ products, listKey }: { products: readonly ProductView[]; listKey: string }) {
  return (
    <View className='product-grid'>
      {products.map((product) => (
        <ProductCard key={product.id} product={product} listKey={listKey} />
      ))}
    </View>
  );
}
