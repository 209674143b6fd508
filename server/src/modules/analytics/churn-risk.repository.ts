import type { ChurnRiskRow } from '@zhike/shared/analytics';
import type { Connection } from 'mongoose';

/** One customer at risk (`analytics_churn_risks`, `_id` = customerId), as of the snapshot that listed them. */
export interface ChurnRiskDocument extends Omit<ChurnRiskRow, 'lastActiveAt'> {
  _id: string;
  corpId: string;
  departmentId: number;
  lastActiveAt: Date;
  asOf: Date;
}

const CHURN_RISKS = 'analytics_churn_risks';
const WRITE_CHUNK = 500;

const toRow = ({ _id, corpId, departmentId, asOf, lastActiveAt, ...row }: ChurnRiskDocument): ChurnRiskRow => ({ ...row, lastActiveAt: lastActiveAt.toISOString() });

/** The churn-risk list the snapshot writes: small (customers at risk only), so readers scan it freely. */
export class ChurnRiskRepository {
  constructor(private readonly connection: Connection) {}

  private get risks() {
    return this.connection.collection<ChurnRiskDocument>(CHURN_RISKS);
  }

  /**
   * Makes the list exactly `rows`: the old list is removed, then the new one inserted in chunks. For the second
   * or two that takes, a reader may find the list short; replacing row by row instead costs one scan per row on
   * the embedded engine (15,000 rows took over 7 minutes in the benchmark).
   */
  async replaceAll(corpId: string, rows: Omit<ChurnRiskDocument, 'asOf' | 'corpId'>[], asOf: Date): Promise<void> {
    await this.risks.deleteMany({ corpId });
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      await this.risks.insertMany(rows.slice(start, start + WRITE_CHUNK).map((row) => ({ ...row, corpId, asOf })));
    }
  }

  /** Everyone at risk among these owners' customers, most at risk first. */
  async list(corpId: string, owners: 'all' | readonly string[]): Promise<ChurnRiskRow[]> {
    const filter = owners === 'all' ? { corpId } : { corpId, ownerUserid: { $in: [...owners] } };
    const found = await this.risks.find(filter).toArray();
    return found.map(toRow).sort((a, b) => b.risk - a.risk || b.silentDays - a.silentDays || a.customerId.localeCompare(b.customerId));
  }

  async findByCustomer(customerId: string): Promise<ChurnRiskRow | null> {
    const found = await this.risks.findOne({ _id: customerId });
    return found && toRow(found);
  }
}
