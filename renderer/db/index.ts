export * from './repo';
export { dataKeyOf, layerIdOfKey } from './records';
