export { surveyFeature } from './contribution';
