import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { ArticleView, ProductView } from '@zhike/shared/catalog';
import { shanghaiDay } from '@zhike/shared/time';
import { Failed, Loading } from '../../components/status';
import { articleTarget, fetchArticle, fetchProducts, productTarget } from '../../features/catalog/api';
import { ProductGrid } from '../../features/catalog/product-card';
import { useInviterCapture } from '../../features/referral/use-inviter-capture';
import { ShareButton } from '../../features/share/share-button';
import { usePageShare, type ShareContent } from '../../features/share/use-page-share';
import { assetUrl } from '../../lib/asset-url';
import { TARGET_PENDING, useExposure, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import './index.css';

function shareOf(article: ArticleView): ShareContent {
  return { title: article.title, route: routes.articleDetail, query: { id: article.id }, imageUrl: article.coverUrl, target: articleTarget(article) };
}

/** The article and the products it talks about, in the article's order. */
async function loadArticle(articleId: string): Promise<{ article: ArticleView; products: ProductView[] }> {
  const [article, catalogue] = await Promise.all([fetchArticle(articleId), fetchProducts().catch(() => [])]);
  const byId = new Map(catalogue.map((product) => [product.id, product]));
  return { article, products: article.productIds.flatMap((id) => byId.get(id) ?? []) };
}

export default function ArticleDetailPage() {
  const articleId = useRouter().params.id ?? '';
  const [state, reload] = useRemote(() => loadArticle(articleId), articleId);
  const ready = state.status === 'ready' ? state.data : undefined;
  const share = useMemo(() => (ready ? shareOf(ready.article) : undefined), [ready]);
  const related = useMemo(() => (ready ? ready.products.map(productTarget) : []), [ready]);

  usePageTracking(routes.articleDetail, ready ? articleTarget(ready.article) : state.status === 'loading' ? TARGET_PENDING : { kind: 'article', id: articleId || 'unknown' });
  useInviterCapture();
  usePageShare(share);
  useExposure('article-products', related);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={reload} />;
  const { article, products } = state.data;

  return (
    <View className='article'>
      <Image className='article-cover' src={assetUrl(article.coverUrl)} mode='aspectFill' />
      <View className='article-body'>
        <Text className='article-title'>{article.title}</Text>
        <Text className='article-meta'>{`知客优选 · ${shanghaiDay(article.publishedAt)}`}</Text>
        <Text className='article-summary'>{article.summary}</Text>
        {article.body.map((paragraph, index) => (
          <Text key={index} className='article-paragraph'>
            {paragraph}
          </Text>
        ))}
        <View className='article-share'>
          <ShareButton content={share} />
        </View>
      </View>
      {products.length > 0 && (
        <View className='article-products'>
          <Text className='section-title'>文中好物</Text>
          <ProductGrid products={products} listKey='article-products' />
        </View>
      )}
    </View>
  );
}
