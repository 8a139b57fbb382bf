export { complianceFeature } from './contribution';
