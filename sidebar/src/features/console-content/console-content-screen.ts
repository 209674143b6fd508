import type { StaffProfile } from '@zhike/shared/auth';

/** What the console shell hands each content screen (the same shape as the shell's ConsoleScreenProps). */
export interface ConsoleContentScreenProps {
  staff: StaffProfile;
}
