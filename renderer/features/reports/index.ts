export { reportsFeature } from './contribution';
/** The name of this machine's user (the office profile's, else 本机用户): for histories that name the editor. */
export { reportsUserName } from './reports-state';
