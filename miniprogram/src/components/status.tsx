import { Button, Text, View } from '@tarojs/components';
import './status.css';

/** A page's loading line, kept quiet: the layout around it is already in place. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='status status-loading'>
      <Text className='status-text'>{text}</Text>
    </View>
  );
}

/** What went wrong, in the customer's words, with a way to try again. */
export function Failed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='status'>
      <Text className='status-error'>{message}</Text>
      <Button className='status-retry' size='mini' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** Nothing (yet): a friendly note instead of a blank area. */
export function Empty({ title, note }: { title: string; note?: string }) {
  return (
    <View className='status status-empty'>
      <Text className='status-title'>{title}</Text>
      {note && <Text className='status-text'>{note}</Text>}
    </View>
  );
}
