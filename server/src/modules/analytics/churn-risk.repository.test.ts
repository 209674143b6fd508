import { openTestDatabase } from '../../testing/test-database';
import { ChurnRiskRepository, type ChurnRiskDocument } from './churn-risk.repository';

const CORP = 'wwchurn';
const asOf = new Date('2026-12-07T02:00:00Z');

/** A customer at risk: only what orders the list and who owns them differs between rows. */
function atRisk(customerId: string, ownerUserid: string, risk: number, silentDays: number): Omit<ChurnRiskDocument, 'asOf' | 'corpId'> {
  return {
    _id: customerId,
    customerId,
    departmentId: 2,
    externalUserId: `wm_${customerId}`,
    name: `客户${customerId}`,
    avatar: null,
    ownerUserid,
    ownerName: { lilei: '李雷', hanmeimei: '韩梅梅', wangfang: '王芳' }[ownerUserid] ?? null,
    lastActiveAt: new Date(asOf.getTime() - silentDays * 86_400_000),
    usualGapDays: 3,
    silentDays,
    scoreAtLastActive: 50,
    scoreNow: 20,
    risk,
    reason: `平均每 3 天活跃一次，已 ${silentDays} 天未活跃`,
  };
}

describe('ChurnRiskRepository', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  /** Lists of two, so that who is cut off is visible with a handful of rows. */
  let churnRisks: ChurnRiskRepository;

  beforeAll(async () => {
    database = await openTestDatabase('churn_risks');
    churnRisks = new ChurnRiskRepository(database.connection, 2);
  });
  afterAll(() => database.drop());

  const rows = [
    atRisk('c1', 'lilei', 40, 10),
    atRisk('c2', 'lilei', 90, 30),
    atRisk('c3', 'lilei', 70, 20),
    atRisk('c4', 'hanmeimei', 70, 25),
    atRisk('c5', 'hanmeimei', 20, 8),
    atRisk('c6', 'wangfang', 95, 40),
  ];
  const summary = (top: Awaited<ReturnType<ChurnRiskRepository['top']>>) => ({ total: top.total, byOwner: top.byOwner, rows: top.rows.map((row) => row.customerId) });

  it('answers the dashboard from the whole list before any snapshot wrote digests', async () => {
    await database.connection.collection('analytics_churn_risks').insertMany(rows.slice(0, 3).map((row) => ({ ...row, corpId: CORP, asOf }) as never));
    expect(summary(await churnRisks.top(CORP, 'all'))).toEqual({ total: 3, byOwner: [{ userid: 'lilei', name: '李雷', total: 3 }], rows: ['c2', 'c3'] });
  });

  it('gives the corp the most at risk overall, with every owner counted', async () => {
    await churnRisks.replaceAll(CORP, rows, asOf);
    expect(summary(await churnRisks.top(CORP, 'all'))).toEqual({
      total: 6,
      byOwner: [
        { userid: 'lilei', name: '李雷', total: 3 },
        { userid: 'hanmeimei', name: '韩梅梅', total: 2 },
        { userid: 'wangfang', name: '王芳', total: 1 },
      ],
      rows: ['c6', 'c2'],
    });
  });

  it('merges the chosen owners’ lists: equal risk goes to the longer silence', async () => {
    expect(summary(await churnRisks.top(CORP, ['lilei', 'hanmeimei', 'nobody']))).toEqual({
      total: 5,
      byOwner: [
        { userid: 'lilei', name: '李雷', total: 3 },
        { userid: 'hanmeimei', name: '韩梅梅', total: 2 },
      ],
      rows: ['c2', 'c4'], // c4 and c3 both at 70: c4 has been silent 25 days, c3 20
    });
    expect(summary(await churnRisks.top(CORP, ['hanmeimei']))).toEqual({ total: 2, byOwner: [{ userid: 'hanmeimei', name: '韩梅梅', total: 2 }], rows: ['c4', 'c5'] });
    expect(summary(await churnRisks.top(CORP, []))).toEqual({ total: 0, byOwner: [], rows: [] });
  });

  it('answers a department’s or a manager’s owners from their group’s digest in one read', async () => {
    await churnRisks.replaceAll(CORP, rows, asOf, [
      ['lilei', 'hanmeimei'],
      ['wangfang', 'lilei', 'hanmeimei'],
    ]);
    // Without the owners' digests, only a group's own digest can answer.
    await database.connection.collection('analytics_churn_digests').deleteMany({ _id: { $regex: /^owner\|/ } } as never);
    expect(summary(await churnRisks.top(CORP, ['hanmeimei', 'lilei', 'lilei', '']))).toEqual({
      total: 5,
      byOwner: [
        { userid: 'lilei', name: '李雷', total: 3 },
        { userid: 'hanmeimei', name: '韩梅梅', total: 2 },
      ],
      rows: ['c2', 'c4'],
    });
    expect(summary(await churnRisks.top(CORP, ['lilei', 'hanmeimei', 'wangfang']))).toMatchObject({ total: 6, rows: ['c6', 'c2'] });
    expect(summary(await churnRisks.top(CORP, ['lilei', 'wangfang']))).toEqual({ total: 0, byOwner: [], rows: [] });
  });

  it('keeps the whole list for drill-downs, and forgets an owner whose customers came back', async () => {
    expect((await churnRisks.list(CORP, ['lilei'])).map((row) => row.customerId)).toEqual(['c2', 'c3', 'c1']);
    await churnRisks.replaceAll(CORP, rows.filter((row) => row.ownerUserid !== 'hanmeimei'), asOf);
    expect(summary(await churnRisks.top(CORP, ['hanmeimei']))).toEqual({ total: 0, byOwner: [], rows: [] });
    expect((await churnRisks.top(CORP, 'all')).total).toBe(4);
  });
});
