export { inspectionFeature } from './contribution';
// For the sections (comparison, survey, photos) and anything that starts or opens a record (the list, a patrol's
// finding, a survey import).
export { inspectionSections, registerInspectionSection, type InspectionSection, type InspectionSectionProps } from './sections';
export {
  closeInspection,
  inspectionsChanged,
  noteInspectionsChanged,
  openInspection,
  openInspectionState,
  showStoredInspection,
  startInspection,
  type OpenInspection,
  type StartInspection,
} from './inspection-session';
// The patch number rule a start from a patch uses (the evidence layer batch matches patches to records with it).
export { patchNoOf } from './start.logic';
// Where a plot lies (the grid's township and village, else the boundary layer's name): the layer batch's patch sets.
export { locate } from './starts';
