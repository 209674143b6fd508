import { Image, Text, View } from '@tarojs/components';
import type { ArticleView } from '@zhike/shared/catalog';
import { shanghaiDay } from '@zhike/shared/time';
import { assetUrl } from '../../lib/asset-url';
import { openPage } from '../../lib/navigation';
import { exposureElementId, trackTap } from '../../lib/tracking';
import { articleTarget } from './api';
import './catalog.css';

/** An article as a row: text on the left, cover on the right. */
export function ArticleCard({ article, listKey }: { article: ArticleView; listKey: string }) {
  const open = () => {
    trackTap(articleTarget(article));
    openPage('articleDetail', { id: article.id });
  };
  return (
    <View className='article-card' id={exposureElementId(listKey, article.id)} onClick={open}>
      <View className='article-card-text'>
        <Text className='article-card-title'>{article.title}</Text>
        <Text className='article-card-summary'>{article.summary}</Text>
        <Text className='article-card-date'>{shanghaiDay(article.publishedAt)}</Text>
      </View>
      <Image className='article-card-cover' src={assetUrl(article.coverUrl)} mode='aspectFill' lazyLoad />
    </View>
  );
}
