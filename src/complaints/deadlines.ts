/**
 * The department's handling deadline in working days from assignment: a settings constant, not
 * configuration (local practice: 15 working days, like the objection deadlines in STANDARDS.md §3).
 * No imports: the website tells complainants the same figure.
 */
export const COMPLAINT_HANDLING_WORKDAYS = 15;
