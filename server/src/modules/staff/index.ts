export { StaffRepository, type StaffRecord } from './staff.repository';
export { StaffService, toStaffProfile, type StaffPolicy } from './staff.service';
