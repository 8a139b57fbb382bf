export { AttributeTable } from './components/AttributeTable';
export { featureAttributesOf, forgetAttributes } from './attribute-client';
