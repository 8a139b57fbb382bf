/** Who an edit's history names until the office's users are set up (no sign-in in the workstation yet). */
export const GRID_EDITOR = '本机用户';
