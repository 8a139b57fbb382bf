/** Messages of the `landpatrol` batch command, in Chinese first and English after (stderr shows both). */
export const CLI_MESSAGES = {
  usage: {
    'zh-CN': `用法：
  landpatrol inspect PATH... [--crs EPSG] [--encoding 编码]
  landpatrol overlay --plots PATH --with PATH[:字段] [--with PATH[:字段]…] [--group-by 字段] [--id-field 字段]
  landpatrol coverage --cells PATH --track 轨迹文件… [--name-field 字段] [--id-field 字段] [--min-metres 米] [--min-seconds 秒]
  landpatrol survey 测量文件… [--to cass|baopan|geojson] [--zone 带号] [--encoding gbk|utf-8] [--out 文件]
PATH 可以是 .shp、文件夹或 .zip。PATH:字段 按该字段为这一图层分组（优先于 --group-by）。coverage 的网格 PATH 也可以是
GeoJSON（经纬度），轨迹文件为 GPX、KML、KMZ 或其所在文件夹；轨迹在网格内达到 --min-metres（默认 200）米或
--min-seconds（默认 300）秒即算覆盖。survey 读取 CASS .dat、报盘 .txt、CSV、GPX、KML/KMZ 的界址点，输出各地块的
坐标、边长、闭合差和面积（X 为北坐标）；--to 转换为 CASS、报盘或 GeoJSON 文件（CASS/报盘默认 GBK 编码）；--zone 给出
Y 坐标不带带号时的带号（25–45 为 3° 带，13–23 为 6° 带）。结果以 JSON 输出到标准输出。`,
    en: `Usage:
  landpatrol inspect PATH... [--crs EPSG] [--encoding ENCODING]
  landpatrol overlay --plots PATH --with PATH[:FIELD] [--with PATH[:FIELD]…] [--group-by FIELD] [--id-field FIELD]
  landpatrol coverage --cells PATH --track FILE… [--name-field FIELD] [--id-field FIELD] [--min-metres M] [--min-seconds S]
  landpatrol survey FILE… [--to cass|baopan|geojson] [--zone N] [--encoding gbk|utf-8] [--out FILE]
PATH is a .shp, a folder or a .zip. PATH:FIELD groups that layer by FIELD (instead of --group-by). For coverage
the cells may also be GeoJSON (lon/lat), and each FILE a GPX, KML or KMZ track or a folder of them; a cell is
covered from --min-metres (default 200) metres or --min-seconds (default 300) seconds of track inside it.
survey reads boundary points from CASS .dat, 报盘 .txt, CSV, GPX and KML/KMZ files and prints each plot's points,
sides, closing error and areas (X = north); --to converts them to a CASS, 报盘 or GeoJSON file (CASS and 报盘 in GBK
unless --encoding utf-8); --zone gives the zone when Y carries no zone prefix (25–45: 3°, 13–23: 6°).
Results are printed as JSON on standard output.`,
  },
  unknownCommand: { 'zh-CN': '未知命令“{command}”。', en: 'Unknown command "{command}".' },
  missingArgument: { 'zh-CN': '缺少参数 {option}。', en: 'Missing argument {option}.' },
  badOption: { 'zh-CN': '无法识别的参数“{option}”。', en: 'Unrecognised option "{option}".' },
  badNumber: { 'zh-CN': '{option} 的值“{value}”不是有效的非负数。', en: '{option}: "{value}" is not a valid number ≥ 0.' },
  badEpsg: { 'zh-CN': '“{value}”不是有效的 EPSG 代码（例如 4527）。', en: '"{value}" is not a valid EPSG code (e.g. 4527).' },
  notFound: { 'zh-CN': '{path}：文件或文件夹不存在。', en: '{path}: no such file or folder.' },
  unsupported: {
    'zh-CN': '{path}：不支持的文件类型（请给出 .shp、文件夹或 .zip）。',
    en: '{path}: unsupported file type (give a .shp, a folder or a .zip).',
  },
  tooLarge: { 'zh-CN': '{path}：文件过大，无法读取。', en: '{path}: the file is too large to read.' },
  unreadable: { 'zh-CN': '{path}：无法读取。', en: '{path}: cannot be read.' },
  noLayers: { 'zh-CN': '{path}：没有可用的图层。', en: '{path}: no usable layer.' },
  needsCrs: {
    'zh-CN': '{file}：无法确定坐标系（{reason}），请用 --crs 指定 EPSG 代码，例如 --crs 4527。',
    en: '{file}: the coordinate system cannot be determined ({reason}); give it with --crs, e.g. --crs 4527.',
  },
  crsUnknown: {
    'zh-CN': '{file}：坐标系未知（{reason}），范围按文件自身的坐标给出，未计算面积；请用 --crs EPSG:xxxx 指定坐标系（{hint}）。',
    en: "{file}: the coordinate system is unknown ({reason}); the extent is in the file's own coordinates and no area was computed; give it with --crs EPSG:xxxx ({hint}).",
  },
  'hint.example': { 'zh-CN': '例如 --crs EPSG:4527', en: 'e.g. --crs EPSG:4527' },
  'hint.candidates': {
    'zh-CN': '可能是 {candidates}，按数据所在的中央经线选择',
    en: 'likely one of {candidates}: pick the central meridian of the data',
  },
  'reason.no-prj-6-digit-easting': {
    'zh-CN': '没有 .prj，东坐标为 6 位，无法判断中央经线',
    en: 'no .prj and 6-digit eastings: the central meridian is unknown',
  },
  'reason.no-prj-unrecognised': { 'zh-CN': '没有 .prj，坐标范围不像任何 CGCS2000 坐标系', en: 'no .prj, and the coordinates fit no CGCS2000 system' },
  'reason.prj-unrecognised': { 'zh-CN': '.prj 中的坐标系无法识别', en: 'the .prj describes a coordinate system we do not recognise' },
  plotsNotPolygons: { 'zh-CN': '{file}：图斑图层必须是面图层。', en: '{file}: the plot layer must be a polygon layer.' },
  idFieldMissing: { 'zh-CN': '{file}：没有字段“{field}”。', en: '{file}: there is no field "{field}".' },
  groupFieldMissing: { 'zh-CN': '{file}：没有分组字段“{field}”。', en: '{file}: there is no field "{field}" to group by.' },
  cellsNotPolygons: { 'zh-CN': '{file}：网格图层必须是面图层。', en: '{file}: the cell layer must be a polygon layer.' },
  badGeoJson: { 'zh-CN': '{file}：不是有效的 GeoJSON 文件。', en: '{file}: not a valid GeoJSON file.' },
  cellsNotLngLat: {
    'zh-CN': '{file}：GeoJSON 的坐标不是经纬度（可能是平面坐标）；请给出经纬度的 GeoJSON，或带 .prj 的 Shapefile。',
    en: '{file}: the GeoJSON coordinates are not longitude/latitude (projected metres?); give lon/lat GeoJSON, or a shapefile with its .prj.',
  },
  noTracks: { 'zh-CN': '没有可用的轨迹：{path}', en: 'No usable track in: {path}' },
  badZone: {
    'zh-CN': '“{value}”不是国家 2000 高斯投影带号（3° 带 25–45，6° 带 13–23）。',
    en: '"{value}" is not a CGCS2000 Gauss-Krüger zone (3-degree 25–45, 6-degree 13–23).',
  },
  badTarget: {
    'zh-CN': '“{value}”不是可转换的格式（cass、baopan 或 geojson）。',
    en: '"{value}" is not a format to convert to (cass, baopan or geojson).',
  },
  badSurveyEncoding: { 'zh-CN': '“{value}”不是可写的编码（gbk 或 utf-8）。', en: '"{value}" is not an encoding to write (gbk or utf-8).' },
  unwritable: { 'zh-CN': '{path}：无法写入。', en: '{path}: cannot be written.' },
  noSurveyPlots: { 'zh-CN': '没有可用的界址点：{path}', en: 'No usable boundary points in: {path}' },
  surveyOnePlot: {
    'zh-CN': 'CASS .dat 文件只能容纳一个地块，而输入有 {count} 个地块；请用 --to baopan 或 --to geojson，或逐个文件转换。',
    en: 'A CASS .dat holds one plot and the input has {count}; use --to baopan or --to geojson, or convert one file at a time.',
  },
  surveyNoZone: {
    'zh-CN': '{file}：地块“{plot}”的投影带未知，无法转换为 {to}；请用 --zone 指定带号。',
    en: '{file}: the zone of plot "{plot}" is unknown, so it cannot be converted to {to}; give it with --zone.',
  },
  surveyRefused: {
    'zh-CN': '{file}：地块“{plot}”的界址线不是简单多边形，无法转换为 {to}。',
    en: '{file}: the boundary of plot "{plot}" is not a simple polygon, so it cannot be converted to {to}.',
  },
  surveyZonesDiffer: {
    'zh-CN': '各地块不在同一投影带（{zones}），一个报盘文件只能有一个带号；请分别转换。',
    en: 'The plots lie in different zones ({zones}) and a 报盘 file has one zone; convert them separately.',
  },
  surveyUnencodable: {
    'zh-CN': '{count} 个字符无法用 GBK 编码，已写为“?”；可用 --encoding utf-8。',
    en: '{count} characters cannot be written in GBK and were written as "?"; --encoding utf-8 keeps them.',
  },
  overlayProgress: { 'zh-CN': '叠加分析 {done}/{total}', en: 'overlay {done}/{total}' },
  internal: { 'zh-CN': '处理时出错：{detail}', en: 'Processing failed: {detail}' },
} as const;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

export function cliMessage(key: CliMessageKey, lang: 'zh-CN' | 'en', params: Record<string, string | number> = {}): string {
  return CLI_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Chinese, then English on the next line: the CLI's stderr voice. */
export const cliMessageBoth = (key: CliMessageKey, params: Record<string, string | number> = {}): string =>
  `${cliMessage(key, 'zh-CN', params)}\n${cliMessage(key, 'en', params)}`;

/** Why the CRS could not be decided, in words rather than as a code. */
export function crsReasonText(reason: string, lang: 'zh-CN' | 'en'): string {
  const key = `reason.${reason}` as CliMessageKey;
  return key in CLI_MESSAGES ? cliMessage(key, lang) : reason;
}

/** "CRS cannot be decided" in both languages, with the reason said in words rather than as a code. */
export function needsCrsMessage(file: string, reason: string): string {
  return (['zh-CN', 'en'] as const).map((lang) => cliMessage('needsCrs', lang, { file, reason: crsReasonText(reason, lang) })).join('\n');
}

/** EPSG codes as a reader takes them in: a run of consecutive codes as "EPSG:4534–4554", others listed. */
export function epsgListText(codes: readonly number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (sorted.length > 2 && last - first === sorted.length - 1) return `EPSG:${first}–${last}`;
  return sorted.map((c) => `EPSG:${c}`).join(', ');
}

/** inspect's warning for a layer described without a CRS: why, and how to give it (--crs), per language. */
export function crsUnknownMessage(file: string, reason: string, candidates: readonly number[], lang: 'zh-CN' | 'en'): string {
  const hint =
    candidates.length > 0 ? cliMessage('hint.candidates', lang, { candidates: epsgListText(candidates) }) : cliMessage('hint.example', lang);
  return cliMessage('crsUnknown', lang, { file, reason: crsReasonText(reason, lang), hint });
}
