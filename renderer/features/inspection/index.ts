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
