import { useLoaded, type Loaded } from '../../lib/use-loaded';
import { toFormError } from '../console-content/form/form-error';

export type ReportState<T> = Loaded<T>;

const describeFailure = (error: unknown) => toFormError(error).message;

/** Loads a report, again whenever `key` (range, department, 刷新) changes; the server's own words on a 4xx. */
export function useReport<T>(load: () => Promise<T>, key: string): { state: ReportState<T>; retry: () => void } {
  return useLoaded(load, describeFailure, key);
}
