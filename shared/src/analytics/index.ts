/**
 * The manager console's analytics: every figure is a count of customers (or fen) that can be opened as the
 * list of customers behind it. Days are Beijing days ("YYYY-MM-DD"); ranges include both ends.
 */
export * from './range';
export * from './customer-ref';
export * from './funnel';
export * from './overview';
export * from './salespeople';
export * from './content';
export * from './referrals';
export * from './segments';
export * from './churn-risk';
export * from './drill-down';
