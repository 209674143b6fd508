import { Text, View } from '@tarojs/components';
import './quantity-stepper.css';

/** − n + within [min, max]; the buttons at a bound do nothing and look it. */
export function QuantityStepper({ value, max, min = 1, onChange }: { value: number; max: number; min?: number; onChange: (next: number) => void }) {
  const step = (delta: number) => {
    const next = value + delta;
    if (next >= min && next <= max) onChange(next);
  };
  return (
    <View className='stepper'>
      <Text className={value <= min ? 'stepper-button stepper-off' : 'stepper-button'} onClick={() => step(-1)}>
        −
      </Text>
      <Text className='stepper-value'>{value}</Text>
      <Text className={value >= max ? 'stepper-button stepper-off' : 'stepper-button'} onClick={() => step(1)}>
        +
      </Text>
    </View>
  );
}
