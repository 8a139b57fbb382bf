export { complianceFeature, COMPLIANCE_MAP_KEY } from './contribution';
