/** Which files are tracks for 巡查 (dropped on the map, or picked with 导入轨迹): by extension, as the reader reads them. */
import { TRACK_EXTENSIONS } from '../../../shared/formats/track/read-track';

export const TRACK_ACCEPT = TRACK_EXTENSIONS.map((e) => `.${e}`).join(',');

const TRACK_PATH = new RegExp(`\\.(${TRACK_EXTENSIONS.join('|')})$`, 'i');

export const isTrackPath = (path: string): boolean => TRACK_PATH.test(path);

/** The file name of a dropped path ("巡查/0420.gpx" → "0420.gpx"): what messages and the record name. */
export const fileNameOf = (path: string): string => path.split(/[/\\]/).pop() || path;
