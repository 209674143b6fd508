export { SyncRunRepository, type SyncRunRecord } from './sync-run.repository';
