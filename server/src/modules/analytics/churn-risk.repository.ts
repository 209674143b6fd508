import { createHash } from 'node:crypto';
import { CHURN_LIST_LIMIT, type ChurnRiskReport, type ChurnRiskRow } from '@zhike/shared/analytics';
import type { Connection } from 'mongoose';

/** One customer at risk (`analytics_churn_risks`, `_id` = customerId), as of the snapshot that listed them. */
export interface ChurnRiskDocument extends Omit<ChurnRiskRow, 'lastActiveAt'> {
  _id: string;
  corpId: string;
  departmentId: number;
  lastActiveAt: Date;
  asOf: Date;
}

/**
 * What the churn dashboard reads instead of the whole list (`analytics_churn_digests`): per corp, per owner and
 * per group of owners (a department's, a manager's), how many are at risk and the most at risk of them. A set's
 * top N is within the union of its owners' top Ns, so any set of owners is answered exactly from their digests;
 * a group's digest answers its set in one read.
 */
interface ChurnDigestDocument {
  _id: string;
  corpId: string;
  ownerUserid: string | null;
  ownerName: string | null;
  /** A group digest only: its owners, sorted. */
  owners?: string[];
  total: number;
  /** The corp and group digests: how many each owner has at risk. */
  byOwner?: ChurnOwnerTotal[];
  top: ChurnRiskDocument[];
}

/** How many one salesperson has at risk: the report's row, as shared with the console. */
export type ChurnOwnerTotal = ChurnRiskReport['byOwner'][number];

export interface ChurnRiskTop {
  total: number;
  byOwner: ChurnOwnerTotal[];
  rows: ChurnRiskRow[];
}

const CHURN_RISKS = 'analytics_churn_risks';
const CHURN_DIGESTS = 'analytics_churn_digests';
const WRITE_CHUNK = 500;

const toRow = ({ _id, corpId, departmentId, asOf, lastActiveAt, ...row }: ChurnRiskDocument): ChurnRiskRow => ({ ...row, lastActiveAt: lastActiveAt.toISOString() });
/** Most at risk first; ties by longer silence, then by id so the order is stable. */
const mostAtRiskFirst = (a: Pick<ChurnRiskRow, 'risk' | 'silentDays' | 'customerId'>, b: Pick<ChurnRiskRow, 'risk' | 'silentDays' | 'customerId'>) =>
  b.risk - a.risk || b.silentDays - a.silentDays || a.customerId.localeCompare(b.customerId);
const byTotalThenUserid = (a: ChurnOwnerTotal, b: ChurnOwnerTotal) => b.total - a.total || a.userid.localeCompare(b.userid);
const corpDigestId = (corpId: string) => `corp|${corpId}`;
const ownerDigestId = (corpId: string, userid: string) => `owner|${corpId}|${userid}`;
/** Owners sorted and without duplicates or the no-owner '' (which has no digest): how a group is named. */
const groupOwners = (owners: readonly string[]) => [...new Set(owners)].filter((userid) => userid !== '').sort();
const groupDigestId = (corpId: string, sortedOwners: string[]) => `group|${corpId}|${createHash('sha256').update(sortedOwners.join('\n')).digest('hex').slice(0, 32)}`;

/**
 * The churn-risk list the snapshot writes, and its digests. The dashboard reads digests: on the embedded engine a
 * read costs per document scanned, and 15,000 rows took 4.4 s where a digest of 200 reads in milliseconds.
 */
export class ChurnRiskRepository {
  constructor(
    private readonly connection: Connection,
    /** How many rows a digest keeps: the dashboard's list length. */
    private readonly topSize = CHURN_LIST_LIMIT,
  ) {}

  private get risks() {
    return this.connection.collection<ChurnRiskDocument>(CHURN_RISKS);
  }

  private get digests() {
    return this.connection.collection<ChurnDigestDocument>(CHURN_DIGESTS);
  }

  /**
   * Makes the list exactly `rows`, then its digests (`groups`: the owner sets to digest together, see
   * AnalyticsScopes.ownerGroups): the old documents are removed, then the new ones inserted in chunks. For the
   * second or two that takes, a reader may find the list short; replacing row by row instead took over 7 minutes
   * for 15,000 rows on the embedded engine (a scan per row, before the `_id` edits in engine-binary.ts).
   */
  async replaceAll(corpId: string, rows: Omit<ChurnRiskDocument, 'asOf' | 'corpId'>[], asOf: Date, groups: readonly string[][] = []): Promise<void> {
    const documents = rows.map((row): ChurnRiskDocument => ({ ...row, corpId, asOf })).sort(mostAtRiskFirst);
    await this.risks.deleteMany({ corpId });
    for (let start = 0; start < documents.length; start += WRITE_CHUNK) await this.risks.insertMany(documents.slice(start, start + WRITE_CHUNK));
    await this.digests.deleteMany({ corpId });
    await this.digests.insertMany(this.digestsOf(corpId, documents, groups));
  }

  /** Everyone at risk among these owners' customers, most at risk first (drill-downs and CSV). */
  async list(corpId: string, owners: 'all' | readonly string[]): Promise<ChurnRiskRow[]> {
    const filter = owners === 'all' ? { corpId } : { corpId, ownerUserid: { $in: [...owners] } };
    const found = await this.risks.find(filter).toArray();
    return found.map(toRow).sort(mostAtRiskFirst);
  }

  /**
   * The dashboard's figures for these owners: totals and the `topSize` most at risk, from the digests. Before the
   * first snapshot that writes digests, from the whole list.
   */
  async top(corpId: string, owners: 'all' | readonly string[]): Promise<ChurnRiskTop> {
    const corp = await this.digests.findOne({ _id: corpDigestId(corpId) });
    if (!corp) return this.topFromList(await this.list(corpId, owners));
    if (owners === 'all') return { total: corp.total, byOwner: corp.byOwner ?? [], rows: corp.top.map(toRow) };
    const sorted = groupOwners(owners);
    if (sorted.length > 1) {
      const group = await this.digests.findOne({ _id: groupDigestId(corpId, sorted) });
      if (group && group.owners?.join('\n') === sorted.join('\n')) return { total: group.total, byOwner: group.byOwner ?? [], rows: group.top.map(toRow) };
    }
    // One point read per owner: the engine finds an `_id` by its index, while `$in` would scan every digest.
    const found = await Promise.all(sorted.map((userid) => this.digests.findOne({ _id: ownerDigestId(corpId, userid) })));
    const digests = found.filter((digest): digest is ChurnDigestDocument => digest !== null);
    return {
      total: digests.reduce((sum, digest) => sum + digest.total, 0),
      byOwner: digests.map((digest) => ({ userid: digest.ownerUserid!, name: digest.ownerName ?? digest.ownerUserid!, total: digest.total })).sort(byTotalThenUserid),
      rows: digests.flatMap((digest) => digest.top).sort(mostAtRiskFirst).slice(0, this.topSize).map(toRow),
    };
  }

  async findByCustomer(customerId: string): Promise<ChurnRiskRow | null> {
    const found = await this.risks.findOne({ _id: customerId });
    return found && toRow(found);
  }

  private topFromList(rows: ChurnRiskRow[]): ChurnRiskTop {
    return { total: rows.length, byOwner: ownerTotals(rows), rows: rows.slice(0, this.topSize) };
  }

  /** `documents` most at risk first. */
  private digestsOf(corpId: string, documents: ChurnRiskDocument[], groups: readonly string[][]): ChurnDigestDocument[] {
    const byOwner = new Map<string, ChurnRiskDocument[]>();
    for (const document of documents) {
      if (document.ownerUserid === null) continue;
      const owned = byOwner.get(document.ownerUserid);
      if (owned) owned.push(document);
      else byOwner.set(document.ownerUserid, [document]);
    }
    return [
      { _id: corpDigestId(corpId), corpId, ownerUserid: null, ownerName: null, total: documents.length, byOwner: ownerTotals(documents), top: documents.slice(0, this.topSize) },
      ...[...byOwner].map(([userid, owned]) => ({ _id: ownerDigestId(corpId, userid), corpId, ownerUserid: userid, ownerName: owned[0]!.ownerName, total: owned.length, top: owned.slice(0, this.topSize) })),
      ...[...new Map(groups.map(groupOwners).map((owners): [string, string[]] => [owners.join('\n'), owners])).values()]
        .filter((owners) => owners.length > 1)
        .map((owners) => {
          const members = new Set(owners);
          const grouped = documents.filter((document) => document.ownerUserid !== null && members.has(document.ownerUserid));
          return { _id: groupDigestId(corpId, owners), corpId, ownerUserid: null, ownerName: null, owners, total: grouped.length, byOwner: ownerTotals(grouped), top: grouped.slice(0, this.topSize) };
        }),
    ];
  }
}

/** How many each owner has at risk, most first. */
function ownerTotals(rows: Pick<ChurnRiskRow, 'ownerUserid' | 'ownerName'>[]): ChurnOwnerTotal[] {
  const byOwner = new Map<string, ChurnOwnerTotal>();
  for (const row of rows) {
    if (row.ownerUserid === null) continue;
    const owner = byOwner.get(row.ownerUserid) ?? { userid: row.ownerUserid, name: row.ownerName ?? row.ownerUserid, total: 0 };
    owner.total += 1;
    byOwner.set(row.ownerUserid, owner);
  }
  return [...byOwner.values()].sort(byTotalThenUserid);
}
