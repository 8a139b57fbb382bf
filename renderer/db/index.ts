/**
 * renderer/db's public API: the only way the rest of the renderer (and its workers) touch IndexedDB.
 * One repository per record kind; the record modules themselves live in shared/domain (layer data here).
 *
 * The type names below are the renderer's names for the records as the app builds and holds them: a plain
 * string id and no record version (the repositories stamp `v` on write). Every record a repository returns is
 * the stricter record of its module (branded LayerId, `v`), which fits these types.
 */
export type { LayerMeta } from '../../shared/domain/layers/layer-meta';
export type { LayerRecordFields as LayerRecord, LayerId } from '../../shared/domain/layers/layer-record';
export type { SourceFilesFields as SourceFilesRecord } from '../../shared/domain/layers/source-files-record';
export type { TileCacheFields as TileCacheRecord } from '../../shared/domain/layers/tile-cache-record';
export type { MapView } from '../../shared/domain/settings/map-view';
export type { LayerDataFields as LayerDataRecord } from './layer-data-record';
export { dataKeyOf, layerIdOfKey } from '../../shared/domain/layers/data-key';

export { openDbEarly } from './db';
export {
  addLayers,
  deleteLayer,
  getLayerRecord,
  listLayers,
  replaceLayerData,
  setLayerOrder,
  updateLayer,
  type LayerPatch,
  type NewLayer,
} from './layers-repo';
export { getLayerData } from './layer-data-repo';
export { getSourceFiles } from './source-files-repo';
export { getCachedTile, hasCachedTiles, putCachedTiles, pruneTileCache } from './tile-cache-repo';
export { getMapView, getOfficeProfile, getSetting, putOfficeProfile, putSetting } from './settings-repo';
export {
  deleteGridAreas,
  getGridArea,
  listChildAreas,
  listGridAreas,
  putGridArea,
  putGridAreas,
  type GridDeleteReason,
  type GridWriteReason,
  type GridWriteResult,
} from './grid-repo';
export { replaceGridAreas, type GridReplaceResult } from './grid-edit-repo';
export {
  addPatrol,
  amendStoredPatrol,
  deletePatrolRules,
  deleteStoredPatrol,
  getPatrol,
  importPatrols,
  listPatrolRules,
  listPatrols,
  listPatrolsBetween,
  planPatrolImport,
  putPatrolRules,
  restoreStoredPatrol,
  seedDefaultPatrolRules,
  type NewStoredPatrol,
  type PatrolImportPlan,
  type PatrolImportReason,
  type PatrolWriteReason,
} from './patrol-repo';
export {
  addPatrolArea,
  amendStoredPatrolArea,
  closeStoredStopNotice,
  deleteStoredPatrolArea,
  getPatrolArea,
  listPatrolAreas,
  restoreStoredPatrolArea,
  type PatrolAreaWriteReason,
} from './patrol-area-repo';
export { addTask, amendStoredTask, deleteStoredTask, getTask, listTasks, listTasksOfDay, restoreStoredTask, type TaskWriteReason } from './task-repo';
export { getAttachment, sha256Hex, storeAttachments, type NewAttachment } from './attachments-repo';
export type { AttachmentRecord } from './attachment-record';
export {
  addInspection,
  amendStoredInspection,
  getInspection,
  listInspectionSummaries,
  listInspections,
  staleInspectionSummaries,
  moveStoredInspection,
  saveStoredInspection,
  submitStoredInspection,
  type InspectionWriteReason,
  type InspectionWriteResult,
  type NewStoredInspection,
  type SummaryRead,
} from './inspection-repo';
export {
  basemapCacheStats,
  cachedBasemapIds,
  clearBasemapCache,
  deleteBasemapJob,
  evictBasemapCache,
  getBasemapJob,
  getBasemapTile,
  listBasemapJobs,
  putBasemapJob,
  putBasemapTiles,
  touchBasemapTiles,
  type BasemapCacheStats,
  type BasemapJob,
  type NewBasemapTile,
} from './basemap-cache-repo';
export { getComparisonRoles, putComparisonRoles } from './comparison-roles-repo';
export { EVIDENCE_TEMPLATE_KEY, getEvidenceTemplate, putEvidenceTemplate } from './evidence-template-repo';
export {
  editStoredPhoto,
  getPhoto,
  getPhotoOriginal,
  getPhotos,
  placeStoredPhoto,
  setPhotoStamp,
  storePhotos,
  type NewStoredPhoto,
  type OriginalReason,
  type PhotoWriteReason,
  type PhotoWriteResult,
  type StoredPhoto,
} from './photo-repo';
export { PHOTO_KINDS, type PhotoEdit, type PhotoExif, type PhotoKind, type PhotoPlacement, type PhotoRecord, type PhotoStamp } from './photo-record';
export { addImageryLayer, deleteImageryLayer, listImageryLayers, setImageryOrder, updateImageryLayer, type ImageryPatch } from './imagery-repo';
export type {
  ImageryInfo,
  ImageryLayer,
  ImageryLayerId,
  ImagerySource,
  ImagerySourceKind,
  KeptFile,
  KeptFolder,
  NewImageryLayer,
  GeoTiffSidecarTexts,
} from './imagery-record';
