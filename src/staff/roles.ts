/** Who a staff member is to tripcare; what each may do is decided where it is done. */
export const staffRoles = ['agent', 'supervisor', 'executive', 'admin', 'partner'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const isStaffRole = (value: string): value is StaffRole => (staffRoles as readonly string[]).includes(value);
