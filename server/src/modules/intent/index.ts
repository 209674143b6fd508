export { IntentRollupRepository } from './intent.repository';
export {
  addToRollup,
  contributionOf,
  decayFactor,
  fitOf,
  HALF_LIFE_MS,
  intentScore,
  levelOf,
  type Contribution,
  type EngagementRollup,
  type FitFacts,
} from './intent-score';
