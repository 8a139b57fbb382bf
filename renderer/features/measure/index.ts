export { measureFeature } from './contribution';
export { measure, formatLength, type MeasureFigures, type MeasureMode } from './measure.logic';
