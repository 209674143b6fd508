import { LogoutResponse, StaffMeResponse, type StaffProfile } from '@zhike/shared/auth';
import { getJson, postJson } from '../../lib/http';

/** The logged-in staff member, from the session cookie; rejects with ApiError 401 when there is none. */
export async function fetchMe(): Promise<StaffProfile> {
  const { staff } = await getJson('/api/auth/me', StaffMeResponse);
  return staff;
}

export async function logout(): Promise<void> {
  await postJson('/api/auth/logout', {}, LogoutResponse);
}
