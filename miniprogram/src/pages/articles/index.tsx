import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty, Failed, Loading } from '../../components/status';
import { ArticleCard } from '../../features/catalog/article-card';
import { articleTarget, fetchArticles } from '../../features/catalog/api';
import { useInviterCapture } from '../../features/referral/use-inviter-capture';
import { usePageShare, type ShareContent } from '../../features/share/use-page-share';
import { useExposure, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import '../products/index.css';

const LIST_SHARE: ShareContent = { title: '知客优选 · 好物研究所', route: routes.articleList, target: { kind: 'page', id: 'articles', title: '好物研究所' } };

export default function ArticleListPage() {
  const [articles, reload] = useRemote(fetchArticles, 'articles');
  const targets = useMemo(() => (articles.status === 'ready' ? articles.data.map(articleTarget) : []), [articles]);

  usePageTracking(routes.articleList);
  useInviterCapture();
  usePageShare(LIST_SHARE);
  useExposure('articles', targets);

  return (
    <View className='product-list'>
      <View className='product-list-head'>
        <Text className='product-list-title'>好物研究所</Text>
        <Text className='product-list-count'>顾问的护肤与选购心得</Text>
      </View>
      {articles.status === 'loading' && <Loading />}
      {articles.status === 'failed' && <Failed message={articles.message} onRetry={reload} />}
      {articles.status === 'ready' &&
        (articles.data.length > 0 ? (
          articles.data.map((article) => <ArticleCard key={article.id} article={article} listKey='articles' />)
        ) : (
          <Empty title='好文正在路上' note='顾问们正在整理护肤与选购心得' />
        ))}
    </View>
  );
}
