import { lazy } from 'react';
import type { ConsoleSection } from '../console-shell/console-section';
import { ANALYTICS_ROUTES } from './analytics-routes';

const screens = () => import('./analytics-screens');

/**
 * 数据分析: first in the console, so a manager lands on 概览 and a salesperson (who may open only 流失预警)
 * on their own churn list. Each is its own hash route: `/console/#/analytics?from=…&to=…` opens the overview.
 */
export const ANALYTICS_SECTIONS: readonly ConsoleSection[] = [
  { id: ANALYTICS_ROUTES.overview, label: '概览', group: '数据分析', minRole: 'manager', screen: lazy(() => screens().then((m) => ({ default: m.OverviewScreen }))) },
  { id: ANALYTICS_ROUTES.salespeople, label: '销售业绩', group: '数据分析', minRole: 'manager', screen: lazy(() => screens().then((m) => ({ default: m.SalespeopleScreen }))) },
  { id: ANALYTICS_ROUTES.content, label: '内容效果分析', group: '数据分析', minRole: 'manager', screen: lazy(() => screens().then((m) => ({ default: m.ContentScreen }))) },
  { id: ANALYTICS_ROUTES.referrals, label: '裂变推荐', group: '数据分析', minRole: 'manager', screen: lazy(() => screens().then((m) => ({ default: m.ReferralsScreen }))) },
  { id: ANALYTICS_ROUTES.segments, label: '客户分群', group: '数据分析', minRole: 'manager', screen: lazy(() => screens().then((m) => ({ default: m.SegmentsScreen }))) },
  { id: ANALYTICS_ROUTES.churn, label: '流失预警', group: '数据分析', minRole: 'salesperson', screen: lazy(() => screens().then((m) => ({ default: m.ChurnScreen }))) },
];
