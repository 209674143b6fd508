import { useCallback, useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import type { DemoPayChoice } from '../../lib/platform';
import './demo-pay-sheet.css';

function DemoPaySheet({ amountFen, onAnswer }: { amountFen: number; onAnswer: (choice: DemoPayChoice) => void }) {
  return (
    <View className='demo-pay-mask'>
      <View className='demo-pay-sheet'>
        <View className='demo-pay-head'>
          <Text className='demo-pay-close' onClick={() => onAnswer('cancel')}>
            ×
          </Text>
          <Text className='demo-pay-label'>演示支付 · 不会真实扣款</Text>
        </View>
        <Text className='demo-pay-merchant'>知客优选</Text>
        <Text className='demo-pay-amount'>{formatFen(amountFen)}</Text>
        <View className='demo-pay-method'>
          <Text>付款方式</Text>
          <Text>零钱（演示）</Text>
        </View>
        <Button className='demo-pay-confirm' onClick={() => onAnswer('pay')}>
          确认支付
        </Button>
        <Button className='demo-pay-cancel' onClick={() => onAnswer('cancel')}>
          取消
        </Button>
      </View>
    </View>
  );
}

/**
 * The H5 demo's stand-in for WeChat's pay sheet: `ask()` shows it and resolves with the demo payer's
 * choice; render `sheet` on the page. In WeChat the real sheet opens instead and `ask` is never called.
 */
export function useDemoPaySheet(amountFen: number): { ask: () => Promise<DemoPayChoice>; sheet: ReactNode } {
  const [pending, setPending] = useState<{ resolve: (choice: DemoPayChoice) => void }>();
  const ask = useCallback(() => new Promise<DemoPayChoice>((resolve) => setPending({ resolve })), []);
  const answer = (choice: DemoPayChoice) => {
    pending?.resolve(choice);
    setPending(undefined);
  };
  const sheet = process.env.TARO_ENV !== 'weapp' && pending ? <DemoPaySheet amountFen={amountFen} onAnswer={answer} /> : null;
  return { ask, sheet };
}
