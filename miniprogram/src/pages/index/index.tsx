import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { CustomerProfile } from '@zhike/shared/auth';
import { Empty, Failed, Loading } from '../../components/status';
import { ArticleCard } from '../../features/catalog/article-card';
import { fetchArticles, fetchProducts, productTarget } from '../../features/catalog/api';
import { ProductGrid } from '../../features/catalog/product-card';
import { useInviterCapture } from '../../features/referral/use-inviter-capture';
import { useLandingReferral } from '../../features/referral/use-landing-referral';
import { usePageShare, type ShareContent } from '../../features/share/use-page-share';
import { loadCurrentCustomer } from '../../lib/auth';
import { openPage } from '../../lib/navigation';
import { errorMessage } from '../../lib/request';
import { useExposure, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import '../../features/catalog/catalog.css';
import './index.css';

type Welcome =
  | { status: 'loading' }
  | { status: 'ready'; customer: CustomerProfile }
  | { status: 'failed'; message: string };

const FEATURED_COUNT = 4;
const LATEST_ARTICLES = 3;
const HOME_SHARE: ShareContent = { title: '知客优选 · 甄选好物，专属顾问为你服务', route: routes.home, target: { kind: 'page', id: 'home', title: '首页' } };

export default function HomePage() {
  const [welcome, setWelcome] = useState<Welcome>({ status: 'loading' });

  const load = useCallback(() => {
    setWelcome({ status: 'loading' });
    loadCurrentCustomer().then(
      (customer) => setWelcome({ status: 'ready', customer }),
      (error: unknown) => setWelcome({ status: 'failed', message: errorMessage(error) }),
    );
  }, []);

  useEffect(load, [load]);
  const referral = useLandingReferral(welcome.status === 'ready');
  // The store shows before login: the catalogue is public.
  const [products, reloadProducts] = useRemote(fetchProducts, 'products');
  const [articles, reloadArticles] = useRemote(fetchArticles, 'articles');
  const featured = useMemo(() => (products.status === 'ready' ? products.data.slice(0, FEATURED_COUNT) : []), [products]);
  const featuredTargets = useMemo(() => featured.map(productTarget), [featured]);

  usePageTracking(routes.home);
  useInviterCapture();
  usePageShare(HOME_SHARE);
  useExposure('home', featuredTargets);

  return (
    <View className='home'>
      <View className='home-hero'>
        <Text className='home-brand'>知客优选</Text>
        <Text className='home-tagline'>甄选好物 · 专属顾问为你服务</Text>
        {referral.status === 'shown' && <Text className='home-referral'>{referral.text}</Text>}
        {referral.status === 'failed' && <Text className='home-referral-error'>{referral.notice}</Text>}
      </View>

      <View className='home-welcome'>
        {welcome.status === 'loading' && <Text className='home-loading'>正在登录…</Text>}
        {welcome.status === 'ready' && (
          <>
            <Text className='home-greeting'>{`你好，${welcome.customer.displayName}`}</Text>
            <Text className='home-welcome-note'>欢迎来到知客优选，愿你今天挑到心仪好物</Text>
          </>
        )}
        {welcome.status === 'failed' && (
          <>
            <Text className='home-error'>{welcome.message}</Text>
            <Button className='home-retry' size='mini' onClick={load}>
              重试
            </Button>
          </>
        )}
      </View>

      <View className='home-section'>
        <View className='section-head'>
          <Text className='section-title'>精选好物</Text>
          <Text className='section-more' onClick={() => openPage('productList')}>
            查看全部 ›
          </Text>
        </View>
        {products.status === 'loading' && <Loading />}
        {products.status === 'failed' && <Failed message={products.message} onRetry={reloadProducts} />}
        {products.status === 'ready' &&
          (featured.length > 0 ? <ProductGrid products={featured} listKey='home' /> : <Empty title='新品正在上架' note='精选商品即将与你见面，敬请期待' />)}
      </View>

      <View className='home-section'>
        <View className='section-head'>
          <Text className='section-title'>好物研究所</Text>
          <Text className='section-more' onClick={() => openPage('articleList')}>
            更多文章 ›
          </Text>
        </View>
        {articles.status === 'loading' && <Loading />}
        {articles.status === 'failed' && <Failed message={articles.message} onRetry={reloadArticles} />}
        {articles.status === 'ready' &&
          (articles.data.length > 0 ? (
            articles.data.slice(0, LATEST_ARTICLES).map((article) => <ArticleCard key={article.id} article={article} listKey='home-articles' />)
          ) : (
            <Empty title='好文正在路上' note='顾问们正在整理护肤与选购心得' />
          ))}
      </View>
    </View>
  );
}
