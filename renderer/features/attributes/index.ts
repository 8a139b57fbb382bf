export { AttributeTable } from './components/AttributeTable';
export { distinctValuesOf, featureAttributesOf, forgetAttributes, isStale } from './attribute-client';
export type { DistinctValue, FeatureAttributes } from './attributes.logic';
export { attributesFeature } from './contribution';
