// Messages for the track reader's issues (shared/formats/track), in zh-CN and en, each naming the file first as
// the importer's do. The zip reader's codes (a damaged KMZ) are said by its own messages (issues.ts).
import type { Issue } from '../formats/types';
import type { TrackIssue, TrackIssueCode } from '../formats/track/types';
import { formatIssue, type Lang } from './issues';

type OwnCode = Exclude<TrackIssueCode, `zip.${string}`>;

export const TRACK_MESSAGES: Record<Lang, Record<OwnCode, string>> = {
  'zh-CN': {
    'track.empty': '{file}：文件是空的（0 字节）',
    'track.unsupportedType': '{file}：不支持的轨迹文件类型（.{ext}），请给出 GPX、KML 或 KMZ',
    'track.badXml': '{file}：不是有效的 XML 文件，无法读取轨迹（{reason}）',
    'track.notTrackFile': '{file}：既不是 GPX 也不是 KML 文件（根元素为 <{root}>）',
    'track.noTracks': '{file}：文件中没有轨迹线（另有 {others} 个点或面要素），无法计算巡查覆盖',
    'track.kmzNoKml': '{file}：KMZ 压缩包中没有 KML 文件',
    'track.badPoints': '{file}：{count} 个轨迹点的坐标无效（超出经纬度范围），已跳过',
    'track.timesMismatch': '{file}：轨迹“{tracks}”的时间与轨迹点无法一一对应，已按无时间读取（不计停留时长）',
    'track.timesWithoutZone': '{file}：{count} 个时间没有时区，已按 GPX 规范视为 UTC 时间',
    'track.encodingAssumed': '{file}：声明的编码“{declared}”与内容不符或无法识别，已按 {used} 读取',
    'track.othersIgnored': '{file}：{count} 个航点、标注或面要素不是轨迹，已忽略',
    'track.gcj02Likely': '{file}：可能是奥维互动地图导出的 GCJ-02（火星坐标）文件，位置可能偏移数百米；未做任何坐标偏移，请确认坐标系',
  },
  en: {
    'track.empty': '{file}: the file is empty (0 bytes)',
    'track.unsupportedType': '{file}: unsupported track file type (.{ext}); give a GPX, KML or KMZ',
    'track.badXml': '{file}: not a valid XML file; no track could be read ({reason})',
    'track.notTrackFile': '{file}: neither GPX nor KML (the root element is <{root}>)',
    'track.noTracks': '{file}: the file holds no track line ({others} other point or polygon features); no coverage can be computed',
    'track.kmzNoKml': '{file}: the KMZ archive holds no KML file',
    'track.badPoints': '{file}: {count} track points have invalid coordinates (outside longitude/latitude ranges); skipped',
    'track.timesMismatch':
      '{file}: the times of track "{tracks}" cannot be matched to its points one to one; read without times (no time inside is counted)',
    'track.timesWithoutZone': '{file}: {count} times carry no time zone; read as UTC, as GPX prescribes',
    'track.encodingAssumed': '{file}: the declared encoding "{declared}" does not fit the content or is unknown; read as {used}',
    'track.othersIgnored': '{file}: {count} waypoints, placemarks or polygons are not tracks; ignored',
    'track.gcj02Likely':
      '{file}: probably a GCJ-02 ("Mars coordinates") file from Ovital (奥维互动地图): positions may be offset by hundreds of metres. Nothing was shifted; confirm the datum',
  },
};

/** "0420.gpx：……" in the user's language; a parameter the issue lacks prints as "?". */
export function formatTrackIssue(issue: TrackIssue, lang: Lang): string {
  if (issue.code.startsWith('zip.')) return formatIssue(issue as Issue, lang);
  const template = TRACK_MESSAGES[lang][issue.code as OwnCode];
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    if (key === 'file') return issue.file === '' ? '?' : issue.file;
    const v = issue.params?.[key];
    return v === undefined ? '?' : String(v);
  });
}
