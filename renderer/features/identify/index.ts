export { identifyFeature } from './contribution';
export { identifyActions, registerIdentifyAction, type IdentifiedFeature, type IdentifyAction } from './identify-actions';
