import type { StaffProfile } from '@zhike/shared/auth';
import type { ScriptVariable } from '@zhike/shared/scripts';
import { shanghaiDay } from '@zhike/shared/time';

/** The customer the previews pretend to write to — the same sample the server's poster preview uses. */
export const SAMPLE_CUSTOMER_NAME = '王小明';

/** Sample values for the preview: the admin as the sender, 王小明 as the customer, today in Beijing time. */
export function sampleVariables(staff: StaffProfile, now: Date = new Date()): Record<ScriptVariable, string> {
  const [, month, day] = shanghaiDay(now).split('-');
  return {
    客户称呼: SAMPLE_CUSTOMER_NAME,
    客户昵称: '小明',
    销售姓名: staff.name,
    销售职位: '销售顾问',
    今天: `${Number(month)}月${Number(day)}日`,
  };
}
