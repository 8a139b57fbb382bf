/**
 * The features the shell composes, in order: providers nest in this order (a later feature may read an earlier
 * one's service), map layers stack in it (stored layers at the bottom, live overlays above), toolbar groups and
 * menus take their own orders. Adding a feature is one line here and one folder under features/.
 */
import { attributesFeature } from '../features/attributes';
import { basemapsFeature } from '../features/basemaps';
import { comparisonFeature } from '../features/comparison';
import { inspectionFeature } from '../features/inspection';
import { inspectionListFeature } from '../features/inspection-list';
import { photosFeature } from '../features/photos';
import { surveyFeature } from '../features/survey';
import { complianceFeature } from '../features/compliance';
import { evidenceFeature } from '../features/evidence';
import { exchangeFeature } from '../features/exchange';
import { geotiffFeature } from '../features/geotiff';
import { gridFeature } from '../features/grid';
import { identifyFeature } from '../features/identify';
import { imageryFeature } from '../features/imagery';
import { importFeature } from '../features/import';
import { layersFeature } from '../features/layers';
import { legendFeature } from '../features/legend';
import { measureFeature } from '../features/measure';
import { overlayFeature } from '../features/overlay';
import { patrolFeature } from '../features/patrol';
import { reportsFeature } from '../features/reports';
import { statusbarFeature } from '../features/statusbar';
import { tasksFeature } from '../features/tasks';
import type { FeatureContribution } from '../ui/contributions';
import { shellFeature } from './shell-feature';

export const FEATURES: readonly FeatureContribution[] = [
  shellFeature,
  // The online basemaps under everything, then the local imagery: the features' map layers stack in this order,
  // and images lie under every vector layer.
  basemapsFeature,
  imageryFeature,
  geotiffFeature,
  layersFeature,
  gridFeature,
  patrolFeature,
  tasksFeature,
  complianceFeature,
  reportsFeature,
  exchangeFeature,
  inspectionFeature,
  comparisonFeature,
  surveyFeature,
  photosFeature,
  inspectionListFeature,
  evidenceFeature,
  importFeature,
  attributesFeature,
  identifyFeature,
  overlayFeature,
  measureFeature,
  legendFeature,
  statusbarFeature,
];
