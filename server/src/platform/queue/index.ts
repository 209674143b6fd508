export { QueueRepository, type QueueMessage } from './queue.repository';
export { QueueWorker, PermanentFailure, type QueueWorkerOptions } from './queue-worker';
