export { tasksFeature } from './contribution';
