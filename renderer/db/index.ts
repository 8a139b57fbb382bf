export * from './repo';
export { LATEST_SCHEMA_VERSION } from './migrations';
export { dataKeyOf, layerIdOfKey } from './records';
