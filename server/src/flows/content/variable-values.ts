import { shanghaiDay } from '@zhike/shared/time';
import type { ScriptVariableValues } from '../../modules/scripts';

/** The values of the script variables for one salesperson talking to one customer, today in Beijing. */
export function variableValuesFor(input: {
  customerName: string;
  /** The salesperson's remark for the customer (王总): how they address them. */
  remark?: string;
  salesperson: { name: string; position?: string };
  now: Date;
}): ScriptVariableValues {
  const [, month, day] = shanghaiDay(input.now).split('-').map(Number);
  return {
    客户称呼: input.remark || input.customerName,
    客户昵称: input.customerName,
    销售姓名: input.salesperson.name,
    销售职位: input.salesperson.position,
    今天: `${month}月${day}日`,
  };
}
