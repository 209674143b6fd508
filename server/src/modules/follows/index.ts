export { FollowRepository, type ActiveFollowTags, type FollowRecord, type FollowSnapshot } from './follow.repository';
export type { FollowEndReason } from './follow.model';
