import './lib/zod-config';
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { warmUpSession } from './lib/auth';
import './app.css';

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => warmUpSession());
  return children;
}
