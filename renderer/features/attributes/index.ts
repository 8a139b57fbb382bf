export { AttributeTable } from './components/AttributeTable';
