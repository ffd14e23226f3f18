/** Who a staff member is to tripcare; what each may do is decided where it is done. */
export const staffRoles = ['agent', 'supervisor', 'executive', 'admin', 'partner'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const isStaffRole = (value: string): value is StaffRole => (staffRoles as readonly string[]).includes(value);

/** Who manages the agency's own records (guides, rosters, trips, reports, corrective actions): not agents, not partners. */
export const managerRoles: readonly StaffRole[] = ['supervisor', 'executive', 'admin'];
export const isManager = (role: StaffRole): boolean => managerRoles.includes(role);
