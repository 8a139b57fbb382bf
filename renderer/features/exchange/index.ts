export { exchangeFeature } from './contribution';
