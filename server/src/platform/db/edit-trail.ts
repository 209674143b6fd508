/**
 * Fields of a document that editors change with optimistic concurrency and retire rather than delete:
 * an edit names the version it started from, and who did what when is kept.
 */
export interface EditTrail {
  /** Bumped on every edit: an edit based on an older version is refused. */
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
  retiredAt?: Date;
}

export const editTrailFields = {
  version: { type: Number, required: true },
  createdBy: { type: String, required: true },
  updatedBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
  retiredAt: Date,
} as const;
