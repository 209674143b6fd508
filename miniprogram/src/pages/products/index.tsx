import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty, Failed, Loading } from '../../components/status';
import { fetchProducts, productTarget } from '../../features/catalog/api';
import { ProductGrid } from '../../features/catalog/product-card';
import { useInviterCapture } from '../../features/referral/use-inviter-capture';
import { usePageShare, type ShareContent } from '../../features/share/use-page-share';
import { useExposure, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import './index.css';

const LIST_SHARE: ShareContent = { title: '知客优选 · 全部好物', route: routes.productList, target: { kind: 'page', id: 'products', title: '全部商品' } };

export default function ProductListPage() {
  const [products, reload] = useRemote(fetchProducts, 'products');
  const targets = useMemo(() => (products.status === 'ready' ? products.data.map(productTarget) : []), [products]);

  usePageTracking(routes.productList);
  useInviterCapture();
  usePageShare(LIST_SHARE);
  useExposure('products', targets);

  return (
    <View className='product-list'>
      <View className='product-list-head'>
        <Text className='product-list-title'>全部商品</Text>
        {products.status === 'ready' && <Text className='product-list-count'>{`共 ${products.data.length} 件`}</Text>}
      </View>
      {products.status === 'loading' && <Loading />}
      {products.status === 'failed' && <Failed message={products.message} onRetry={reload} />}
      {products.status === 'ready' &&
        (products.data.length > 0 ? <ProductGrid products={products.data} listKey='products' /> : <Empty title='新品正在上架' note='精选商品即将与你见面，敬请期待' />)}
    </View>
  );
}
