// Messages for the survey readers' and plots' issues (shared/formats/survey, shared/domain/survey), in zh-CN and en,
// each naming the file first as the importer's do. Reasons given as codes (a zone that cannot be decided, a boundary
// refused) are said in words from the tables below.
import type { SurveyIssue, SurveyIssueCode } from '../formats/survey/types';
import type { Lang } from './issues';

export const SURVEY_MESSAGES: Record<Lang, Record<SurveyIssueCode, string>> = {
  'zh-CN': {
    'survey.empty': '{file}：文件是空的（0 字节）',
    'survey.noPoints': '{file}：文件中没有可读的坐标点',
    'survey.unsupportedType': '{file}：不支持的测量文件类型（.{ext}），请给出 CASS .dat、报盘 .txt、CSV、GPX、KML 或 KMZ',
    'survey.badXml': '{file}：不是有效的 GPX/KML 文件，无法读取坐标点（{reason}）',
    'survey.kmzNoKml': '{file}：KMZ 压缩包中没有 KML 文件',
    'survey.baopanNoPlots': '{file}：报盘文件中没有地块坐标（没有“J1,1,X,Y”形式的行）',
    'survey.badLines': '{file}：{count} 行不是坐标点，已跳过（第 {lines} 行）',
    'survey.columnsYX': '{file}：按数值大小判断列顺序为 Y（东）在前、X（北）在后（CASS 标准顺序），共 {points} 个点',
    'survey.columnsXY': '{file}：按数值大小判断列顺序为 X（北）在前、Y（东）在后（与 CASS 标准顺序相反），共 {points} 个点，请核对',
    'survey.columnsUndecided':
      '{file}：无法从数值大小判断哪一列是北坐标（不像国家 2000 高斯坐标），已按 CASS 标准顺序 Y、X 读取 {points} 个点，请核对',
    'survey.columnsMixed': '{file}：各行列顺序不一致（{yx} 行 Y 在前，{xy} 行 X 在前），已逐行按数值大小读取，请核对',
    'survey.headerSkipped': '{file}：第 {line} 行是表头（“{text}”），已跳过',
    'survey.encodingGbk': '{file}：文件不是 UTF-8 编码，已按 GBK 读取中文点名',
    'survey.baopanNotCgcs2000': '{file}：报盘文件声明的坐标系为“{declared}”，不是 2000 国家大地坐标系；坐标未做任何转换，请核对',
    'survey.baopanCountMismatch': '{file}：地块“{plot}”声明界址点数 {declared}，实际读到 {rows} 行坐标',
    'survey.baopanBadHeader': '{file}：第 {line} 行之前没有地块属性行（…,@），这些坐标已作为一个地块读取',
    'survey.severalRings': '{file}：点序列多次回到起点，已分为 {count} 个圈（内圈为洞或另一部分，按包含关系判断）',
    'survey.closingPointMoved': '{file}：地块“{plot}”第 {ring} 圈的闭合点 {point} 与起点不重合，相差 {metres} 米（闭合差）',
    'survey.lngLatPoints':
      '{file}：经纬度坐标按 2000 国家大地坐标系（与 WGS-84 相差厘米级）读取，投影到 {width}° 带第 {zone} 带；坐标未做任何偏移，请确认文件的坐标系',
    'survey.gcj02Likely': '{file}：可能是奥维互动地图导出的 GCJ-02（火星坐标）文件，位置可能偏移数百米；未做任何坐标偏移，请确认坐标系',
    'survey.encodingAssumed': '{file}：声明的编码“{declared}”与内容不符或无法识别，已按 {used} 读取',
    'survey.otherFeaturesIgnored': '{file}：另有 {count} 个线、面或点要素未作为界址点读取',
    'survey.csvNoCoordinates': '{file}：无法判断哪两列是坐标（共 {columns} 列）；请在列对应对话框中指定点名、X（北）、Y（东）列',
    'survey.zoneUnknown': '{file}：地块“{plot}”无法确定投影带（{reason}），只计算了平面面积和边长；请用 --zone 指定带号，例如 --zone 39',
    'survey.zoneMismatch': '{file}：地块“{plot}”按{source}采用第 {used} 带，与{givenSource}的第 {given} 带不一致，请核对',
    'survey.notSimple': '{file}：地块“{plot}”第 {ring} 圈的界址线不是简单多边形，不计算面积：{reason}',
    'survey.notClosed': '{file}：地块“{plot}”第 {ring} 圈未在起点闭合，末点到起点 {metres} 米（已按闭合计算）',
    'survey.counterClockwise': '{file}：地块“{plot}”第 {ring} 圈的点按逆时针编号（习惯为顺时针）',
    'survey.areaMismatch': '{file}：地块“{plot}”声明面积 {declared} 公顷，按坐标计算为 {computed} 公顷',
  },
  en: {
    'survey.empty': '{file}: the file is empty (0 bytes)',
    'survey.noPoints': '{file}: the file holds no readable coordinate point',
    'survey.unsupportedType': '{file}: unsupported survey file type (.{ext}); give a CASS .dat, a 报盘 .txt, a CSV, GPX, KML or KMZ',
    'survey.badXml': '{file}: not a valid GPX/KML file; no point could be read ({reason})',
    'survey.kmzNoKml': '{file}: the KMZ archive holds no KML file',
    'survey.baopanNoPlots': '{file}: the 报盘 file holds no plot coordinates (no "J1,1,X,Y" rows)',
    'survey.badLines': '{file}: {count} line(s) are not points; skipped (line {lines})',
    'survey.columnsYX': '{file}: from their magnitudes the columns are Y (east) then X (north), the CASS order; {points} points',
    'survey.columnsXY':
      '{file}: from their magnitudes the columns are X (north) then Y (east), the reverse of the CASS order; {points} points, please check',
    'survey.columnsUndecided':
      '{file}: the magnitudes do not tell which column is north (not CGCS2000 Gauss-Krüger coordinates); {points} points read in the CASS order Y, X, please check',
    'survey.columnsMixed':
      '{file}: the lines disagree on the column order ({yx} lines Y first, {xy} lines X first); each line read by its magnitudes, please check',
    'survey.headerSkipped': '{file}: line {line} is a header ("{text}"); skipped',
    'survey.encodingGbk': '{file}: the file is not UTF-8; the Chinese point names were read as GBK',
    'survey.baopanNotCgcs2000': '{file}: the 报盘 file declares "{declared}", not CGCS2000; the coordinates were not transformed, please check',
    'survey.baopanCountMismatch': '{file}: plot "{plot}" declares {declared} boundary points; {rows} coordinate rows were read',
    'survey.baopanBadHeader': '{file}: no plot line (…,@) before line {line}; those coordinates were read as one plot',
    'survey.severalRings': '{file}: the points return to their start more than once; read as {count} rings (holes or further parts, by containment)',
    'survey.closingPointMoved': '{file}: plot "{plot}" ring {ring}: the closing point {point} is {metres} m from the first point (closing error)',
    'survey.lngLatPoints':
      "{file}: longitude/latitude read as CGCS2000 (WGS-84 within centimetres) and projected into {width}-degree zone {zone}; nothing was shifted, confirm the file's datum",
    'survey.gcj02Likely':
      '{file}: probably a GCJ-02 ("Mars coordinates") file from Ovital (奥维互动地图): positions may be offset by hundreds of metres. Nothing was shifted; confirm the datum',
    'survey.encodingAssumed': '{file}: the declared encoding "{declared}" does not fit the content or is unknown; read as {used}',
    'survey.otherFeaturesIgnored': '{file}: {count} more line, polygon or point features were not read as boundary points',
    'survey.csvNoCoordinates':
      '{file}: cannot tell which two columns are coordinates ({columns} columns); map the name, X (north) and Y (east) columns in the dialog',
    'survey.zoneUnknown':
      '{file}: plot "{plot}": the zone cannot be decided ({reason}); only planar area and sides were computed; give it with --zone, e.g. --zone 39',
    'survey.zoneMismatch': '{file}: plot "{plot}": zone {used} from {source} disagrees with zone {given} from {givenSource}, please check',
    'survey.notSimple': '{file}: plot "{plot}" ring {ring}: the boundary is not a simple polygon; no area computed: {reason}',
    'survey.notClosed': '{file}: plot "{plot}" ring {ring} does not return to its first point; last to first point {metres} m (computed as closed)',
    'survey.counterClockwise': '{file}: plot "{plot}" ring {ring}: the points are numbered counter-clockwise (practice is clockwise)',
    'survey.areaMismatch': '{file}: plot "{plot}" declares {declared} ha; its coordinates give {computed} ha',
  },
};

/** Reasons and sources said in words (params `reason`, `source`, `givenSource`). */
const WORDS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    noPrefix: 'Y 坐标不带带号，文件也未说明',
    mixedPrefixes: '各点 Y 坐标的带号不一致',
    prefixNotChina: 'Y 坐标的带号不是国家 2000 的 3° 带（25–45）或 6° 带（13–23）',
    tooFewPoints: '不同的界址点少于 3 个（{points} 个）',
    repeatedPoint: '点 {second} 与点 {first} 重合',
    selfIntersection: '边 {sideA} 与边 {sideB} 相交（如“8”字形）',
    zeroArea: '面积为零（各点共线）',
    ringsInvalid: '各圈相互交叉或内圈不在外圈内（GEOS 校验）',
    prefix: '坐标带号',
    option: '指定的带号',
    header: '文件头的带号',
  },
  en: {
    noPrefix: 'the Y coordinates carry no zone prefix and the file names no zone',
    mixedPrefixes: "the points' Y coordinates carry different zone prefixes",
    prefixNotChina: 'the zone prefix of Y is not a CGCS2000 3-degree (25–45) or 6-degree (13–23) zone',
    tooFewPoints: 'fewer than 3 distinct boundary points ({points})',
    repeatedPoint: 'point {second} coincides with point {first}',
    selfIntersection: 'side {sideA} crosses side {sideB} (a bowtie)',
    zeroArea: 'the area is zero (the points are in a line)',
    ringsInvalid: 'the rings cross each other or a hole lies outside its outer ring (GEOS validity)',
    prefix: 'the coordinates’ zone prefix',
    option: 'the zone given',
    header: 'the file header',
  },
};

function fill(template: string, params: Record<string, string | number>, file: string, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    if (key === 'file') return file === '' ? '?' : file;
    const v = params[key];
    if (v === undefined) return '?';
    if (key === 'reason' || key === 'source' || key === 'givenSource') {
      const w = WORDS[lang][String(v)];
      return w === undefined ? String(v) : fill(w, params, file, lang);
    }
    return String(v);
  });
}

/** "界址点.dat：……" in the user's language; a parameter the issue lacks prints as "?". */
export function formatSurveyIssue(issue: SurveyIssue, lang: Lang): string {
  return fill(SURVEY_MESSAGES[lang][issue.code], issue.params ?? {}, issue.file, lang);
}
