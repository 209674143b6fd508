export { HandoverRepository, type HandoverRecord } from './handover.repository';
