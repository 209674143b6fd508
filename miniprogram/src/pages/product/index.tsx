import { useMemo } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import type { ProductView } from '@zhike/shared/catalog';
import { Failed, Loading } from '../../components/status';
import { fetchProduct, productTarget } from '../../features/catalog/api';
import { Price } from '../../features/catalog/price';
import { useInviterCapture } from '../../features/referral/use-inviter-capture';
import { ShareButton } from '../../features/share/share-button';
import { usePageShare, type ShareContent } from '../../features/share/use-page-share';
import { assetUrl } from '../../lib/asset-url';
import { openPage } from '../../lib/navigation';
import { ApiError } from '../../lib/request';
import { TARGET_PENDING, trackTap, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import { Purchase } from './purchase';
import './index.css';

function shareOf(product: ProductView): ShareContent {
  return { title: `${product.name} · ${product.subtitle}`, route: routes.productDetail, query: { id: product.id }, imageUrl: product.coverUrl, target: productTarget(product) };
}

function Gallery({ product }: { product: ProductView }) {
  const images = product.imageUrls.length > 0 ? product.imageUrls : [product.coverUrl];
  const preview = (current: string) => void Taro.previewImage({ urls: images.map(assetUrl), current: assetUrl(current) }).catch(() => undefined);
  if (images.length === 1) {
    return <Image className='product-gallery-image' src={assetUrl(images[0]!)} mode='aspectFill' onClick={() => preview(images[0]!)} />;
  }
  return (
    <Swiper className='product-gallery' indicatorDots indicatorActiveColor='#7a5c46' circular>
      {images.map((url) => (
        <SwiperItem key={url}>
          <Image className='product-gallery-image' src={assetUrl(url)} mode='aspectFill' onClick={() => preview(url)} />
        </SwiperItem>
      ))}
    </Swiper>
  );
}

export default function ProductDetailPage() {
  const productId = useRouter().params.id ?? '';
  const [product, reload] = useRemote(() => fetchProduct(productId), productId);
  const ready = product.status === 'ready' ? product.data : undefined;
  const share = useMemo(() => (ready ? shareOf(ready) : undefined), [ready]);

  // The view waits for the title, so the salesperson reads "正在浏览《…》"; a failed load still counts.
  usePageTracking(routes.productDetail, ready ? productTarget(ready) : product.status === 'loading' ? TARGET_PENDING : { kind: 'product', id: productId || 'unknown' });
  useInviterCapture();
  usePageShare(share);

  if (product.status === 'loading') return <Loading />;
  if (product.status === 'failed') {
    const gone = product.error instanceof ApiError && (product.error.status === 404 || product.error.status === 400);
    return gone ? (
      <View className='product-missing'>
        <Text className='product-missing-title'>这件商品找不到了</Text>
        <Button className='product-missing-home' onClick={() => openPage('home')}>
          去逛逛其他好物
        </Button>
      </View>
    ) : (
      <Failed message={product.message} onRetry={reload} />
    );
  }

  const item = product.data;
  const askAdvisor = () => {
    trackTap({ kind: 'element', id: `advisor:${item.id}`, title: `咨询《${item.name}》` });
    openPage('salesperson');
  };

  return (
    <View className='product'>
      <Gallery product={item} />
      <View className='product-summary'>
        <Price fen={item.priceFen} originalFen={item.originalPriceFen} large />
        <View className='product-name-row'>
          <Text className='product-name'>{item.name}</Text>
          <ShareButton content={share} label='分享' />
        </View>
        <Text className='product-subtitle'>{item.subtitle}</Text>
        {item.badges.length > 0 && (
          <View className='badges'>
            {item.badges.map((badge) => (
              <Text key={badge} className='badge'>
                {badge}
              </Text>
            ))}
          </View>
        )}
        {!item.onSale && <Text className='product-off-sale'>该商品暂时下架，可联系顾问了解补货时间</Text>}
      </View>

      <Purchase product={item} onAskAdvisor={askAdvisor} />

      <View className='product-description'>
        <Text className='product-description-title'>商品介绍</Text>
        {item.description.map((paragraph, index) => (
          <Text key={index} className='product-paragraph'>
            {paragraph}
          </Text>
        ))}
      </View>
    </View>
  );
}
