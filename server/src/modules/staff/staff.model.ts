import { Schema, type Connection, type Model } from 'mongoose';
import type { StaffRole } from '@zhike/shared/auth';

export interface StaffDocument {
  corpId: string;
  userid: string;
  name: string;
  avatar?: string;
  position?: string;
  departmentIds: number[];
  /** Departments this member leads (WeCom is_leader_in_dept); a leader is a manager of those departments. */
  leaderOfDepartmentIds: number[];
  role: StaffRole;
  active: boolean;
  syncedAt: Date;
}

const StaffSchema = new Schema<StaffDocument>(
  {
    corpId: { type: String, required: true },
    userid: { type: String, required: true },
    name: { type: String, required: true },
    avatar: String,
    position: String,
    departmentIds: { type: [Number], default: [] },
    leaderOfDepartmentIds: { type: [Number], default: [] },
    role: { type: String, required: true, enum: ['salesperson', 'manager', 'admin'] },
    active: { type: Boolean, required: true },
    syncedAt: { type: Date, required: true },
  },
  { collection: 'staff', versionKey: false },
);
StaffSchema.index({ corpId: 1, userid: 1 }, { unique: true });

export function staffModel(connection: Connection): Model<StaffDocument> {
  return connection.models.Staff ?? connection.model<StaffDocument>('Staff', StaffSchema);
}
