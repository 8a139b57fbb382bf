export { AttributeTable } from './components/AttributeTable';
export { featureAttributesOf, forgetAttributes, isStale } from './attribute-client';
export type { FeatureAttributes } from './attributes.logic';
export { attributesFeature } from './contribution';
