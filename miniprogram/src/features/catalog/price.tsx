import { Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import './catalog.css';

/** The price in fen, with the crossed-out original when on offer. */
export function Price({ fen, originalFen, large = false }: { fen: number; originalFen?: number; large?: boolean }) {
  return (
    <View className={large ? 'price price-large' : 'price'}>
      <Text className='price-now'>{formatFen(fen)}</Text>
      {originalFen !== undefined && originalFen > fen && <Text className='price-was'>{formatFen(originalFen)}</Text>}
    </View>
  );
}
