// Messages for every IssueCode, in zh-CN and en. Each names the file first ("斑竹村10000.dbf：…") so an
// officer can tell which of twenty dropped files is meant. {param} placeholders are filled from
// Issue.params; a param the issue does not carry prints as "?" rather than a raw "{param}".
import type { Issue, IssueCode } from '../formats/types';

export type Lang = 'zh-CN' | 'en';

type Messages = Record<IssueCode, string>;

export const ISSUE_MESSAGES: Record<Lang, Messages> = {
  'zh-CN': {
    'file.missingShp': '{file}：缺少对应的 .shp 文件（应为 {expected}），无法读取',
    'file.missingShx': '{file}：缺少索引文件 .shx（应为 {expected}），请把同名的 .shx 一起拖入',
    'file.missingDbf': '{file}：缺少属性文件 .dbf（应为 {expected}），请把同名的 .dbf 一起拖入',
    'file.unsupported': '{file}：不支持的文件类型（.{ext}），已忽略',
    'file.empty': '{file}：文件是空的（0 字节）',
    'shp.badHeader': '{file}：不是有效的 Shapefile（文件头损坏：{reason}）',
    'shp.truncated': '{file}：文件不完整（可能复制或下载中断），只读出了前 {count} 条记录',
    'shp.unsupportedShapeType': '{file}：不支持的几何类型 {shapeType}',
    'dbf.badHeader': '{file}：属性表文件头损坏（{reason}），无法读取属性',
    'dbf.truncated': '{file}：属性表不完整，应有 {declared} 条记录，只读出 {read} 条',
    'zip.corrupt': '{file}：压缩包损坏或无法解压（{reason}）',
    'zip.tooLarge': '{file}：解压后体积过大（声明 {declared} 字节，上限 {limit} 字节），已拒绝，可能是恶意压缩包',
    'zip.unsafePath': '{file}：压缩包内的路径不安全（{member}），已跳过',
    'zip.nested': '{file}：压缩包内又套了压缩包，只展开一层，此文件未打开',
    'layer.noFeatures': '{file}：图层中没有任何要素',
    'import.cancelled': '{file}：导入已取消',
    'crs.needsUser': '{file}：无法自动判断坐标系，请选择坐标系或中央经线',
    'shp.recordCountMismatch': '{file}：图形记录数（{shp}）与属性记录数（{dbf}）不一致，按顺序配对，多出的 {skipped} 条未导入',
    'shp.nullShapes': '{file}：有 {count} 条记录没有图形（空图形），已保留属性',
    'shp.badRecords': '{file}：{count} 条记录的图形损坏，已跳过（记录号：{records}）',
    'shp.zmDropped': '{file}：几何类型为 {shapeType}，已忽略 Z/M 值，只使用平面坐标',
    'shp.unclosedRing': '{file}：有 {count} 个面的边界未闭合，已自动闭合',
    'geometry.repaired':
      '{file}：{count} 个图斑的边界无效（自相交、自接触或环相交），已按 GEOS MakeValid 修复；其面积均为修复后边界的面积（记录号：{records}）',
    'geometry.collapsed': '{file}：{count} 个图斑的边界修复后没有面积（退化为线或点），已按无图形导入（记录号：{records}）',
    'geometry.unrepairable': '{file}：{count} 个图斑的边界无法校验或修复（如坐标含无效数值），已按无图形导入，不计面积（记录号：{records}）',
    'shx.mismatch': '{file}：索引文件 .shx 与 .shp 不一致（.shx {shx} 条，.shp {shp} 条，{differing} 处不同），已按 .shp 读取',
    'dbf.truncatedText': '{file}：第 {record} 条记录的文字（字段 {field}）在字符中间被截断，已去掉残缺部分（共 {count} 处）',
    'dbf.deletedRecords': '{file}：属性表中有 {count} 条记录标记为已删除，已连同图形一起跳过',
    'encoding.cpgConflict': '{file}：.cpg 声明的编码是“{declared}”，但内容实为 {used}，已按 {used} 读取',
    'encoding.assumed': '{file}：文字编码未明确声明（{evidence}），按 {used} 读取，如有乱码请手动选择编码',
    'crs.localDatum': '{file}：坐标系为 {datum}，与 CGCS2000 之间的转换需要当地参数，位置可能有偏差',
    'crs.nearFalseOrigin': '{file}：坐标接近投影原点（最小北坐标 {minNorthing}，东偏移 {falseEasting}），可能缺少带号或坐标系不对',
    'crs.swappedXY': '{file}：X、Y 坐标疑似写反（最小 X {minX}，最小 Y {minY}；测绘习惯 X 为北坐标），请检查',
    'crs.outsideChina': '{file}：数据位置不在中国境内，请检查坐标系',
    'crs.zoneMismatch': '{file}：坐标中的带号（{coordinateZone}）与 .prj 中的带号（{prjZone}）不一致',
    'crs.assumedFromCoordinates': '{file}：没有 .prj，根据坐标推断为 EPSG:{epsg}',
    'crs.noPrjGeographic': '{file}：没有 .prj，坐标看起来是经纬度，按 CGCS2000 经纬度读取',
    'layer.empty': '{file}：图层没有任何记录（0 个要素），按空图层读取',
  },
  en: {
    'file.missingShp': '{file}: the matching .shp ({expected}) is missing; this file cannot be read',
    'file.missingShx': '{file}: the index file .shx ({expected}) is missing; add the .shx of the same name',
    'file.missingDbf': '{file}: the attribute file .dbf ({expected}) is missing; add the .dbf of the same name',
    'file.unsupported': '{file}: unsupported file type (.{ext}); ignored',
    'file.empty': '{file}: the file is empty (0 bytes)',
    'shp.badHeader': '{file}: not a valid shapefile (damaged header: {reason})',
    'shp.truncated': '{file}: the file is incomplete (interrupted copy or download); only the first {count} records were read',
    'shp.unsupportedShapeType': '{file}: unsupported shape type {shapeType}',
    'dbf.badHeader': '{file}: the attribute table header is damaged ({reason}); attributes cannot be read',
    'dbf.truncated': '{file}: the attribute table is incomplete: {read} of {declared} records read',
    'zip.corrupt': '{file}: the archive is damaged or cannot be extracted ({reason})',
    'zip.tooLarge': '{file}: too large when extracted (declares {declared} bytes, limit {limit} bytes); refused, it may be a zip bomb',
    'zip.unsafePath': '{file}: unsafe path inside the archive ({member}); skipped',
    'zip.nested': '{file}: an archive inside an archive; only one level is opened, this one was not',
    'layer.noFeatures': '{file}: the layer has no features',
    'import.cancelled': '{file}: import cancelled',
    'crs.needsUser': '{file}: the coordinate system could not be determined; choose it or the central meridian',
    'shp.recordCountMismatch': '{file}: {shp} shapes but {dbf} attribute records; paired in order, {skipped} left over were not imported',
    'shp.nullShapes': '{file}: {count} records have no geometry (null shapes); their attributes are kept',
    'shp.badRecords': '{file}: {count} records have damaged geometry and were skipped (records {records})',
    'shp.zmDropped': '{file}: shape type {shapeType}; Z/M values ignored, plane coordinates used',
    'shp.unclosedRing': '{file}: {count} polygon rings were not closed; closed automatically',
    'geometry.repaired':
      '{file}: {count} parcels have invalid boundaries (self-crossing, self-touching or crossing rings), repaired as GEOS MakeValid does; their areas are those of the repaired boundary (records {records})',
    'geometry.collapsed':
      '{file}: {count} parcels have no area once their boundary is repaired (it collapses to lines or points); imported without geometry (records {records})',
    'geometry.unrepairable':
      '{file}: {count} parcels have boundaries that can be neither checked nor repaired (e.g. invalid coordinate values); imported without geometry and without an area (records {records})',
    'shx.mismatch': '{file}: the .shx index disagrees with the .shp (.shx {shx} records, .shp {shp}, {differing} differences); read from the .shp',
    'dbf.truncatedText': '{file}: the text of record {record} (field {field}) was cut mid-character; the broken part was removed ({count} in all)',
    'dbf.deletedRecords': '{file}: {count} records are marked deleted in the attribute table; skipped with their geometry',
    'encoding.cpgConflict': '{file}: the .cpg declares "{declared}" but the text is {used}; read as {used}',
    'encoding.assumed': '{file}: the text encoding is not declared ({evidence}); read as {used}. If the text looks garbled, choose the encoding',
    'crs.localDatum': '{file}: coordinate system {datum}; the shift to CGCS2000 needs local parameters, positions may be offset',
    'crs.nearFalseOrigin':
      '{file}: coordinates are near the projection origin (min northing {minNorthing}, false easting {falseEasting}); the zone prefix or the coordinate system may be wrong',
    'crs.swappedXY': '{file}: X and Y look swapped (min X {minX}, min Y {minY}; survey convention: X is northing); please check',
    'crs.outsideChina': '{file}: the data lies outside China; check the coordinate system',
    'crs.zoneMismatch': '{file}: the zone in the coordinates ({coordinateZone}) differs from the zone in the .prj ({prjZone})',
    'crs.assumedFromCoordinates': '{file}: no .prj; EPSG:{epsg} inferred from the coordinates',
    'crs.noPrjGeographic': '{file}: no .prj; coordinates look like longitude/latitude, read as CGCS2000 geographic',
    'layer.empty': '{file}: the layer has no records (0 features); read as an empty layer',
  },
};

/**
 * Alternative wordings for issues that carry other params than the default message expects: the first
 * variant whose params are all present is used (e.g. a CRS inferred as "zone 39 of the 3° system" rather
 * than as an EPSG code; an encoding assumed without a stated reason).
 */
export const ISSUE_VARIANTS: Record<Lang, Partial<Record<IssueCode, { needs: string[]; template: string }[]>>> = {
  'zh-CN': {
    'crs.assumedFromCoordinates': [{ needs: ['zone', 'width'], template: '{file}：没有 .prj，根据坐标推断为 {width}° 分带第 {zone} 带' }],
    'encoding.assumed': [{ needs: ['used'], template: '{file}：文字编码未明确声明，按 {used} 读取，如有乱码请手动选择编码' }],
    'zip.tooLarge': [{ needs: ['limit'], template: '{file}：解压后体积超过上限 {limit} 字节，已拒绝，可能是恶意压缩包' }],
  },
  en: {
    'crs.assumedFromCoordinates': [
      { needs: ['zone', 'width'], template: '{file}: no .prj; zone {zone} of the {width}° Gauss-Krüger system inferred from the coordinates' },
    ],
    'encoding.assumed': [
      { needs: ['used'], template: '{file}: the text encoding is not declared; read as {used}. If the text looks garbled, choose the encoding' },
    ],
    'zip.tooLarge': [{ needs: ['limit'], template: '{file}: over the limit of {limit} bytes when extracted; refused, it may be a zip bomb' }],
  },
};

/** Param names other modules use for the same thing. */
const PARAM_ALIASES: Record<string, string> = { used: 'encoding' };

/** Values of some params are codes themselves (why an encoding was assumed): say them in words. */
const EVIDENCE: Record<Lang, Record<string, string>> = {
  'zh-CN': { none: '无 .cpg，LDID 未设置', used: '按内容判断' },
  en: { none: 'no .cpg, LDID not set', used: 'judged from the content' },
};

/** Why a zip could not be read, in words (the reader returns short reason codes). */
const ZIP_REASONS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    short: '文件太短，不是完整的压缩包',
    noEndRecord: '找不到压缩包目录，文件可能不完整',
    zip64: 'ZIP64 目录损坏',
    centralDirectory: '压缩包目录损坏',
    encrypted: '文件已加密，请先解密',
    localHeader: '文件头损坏',
    size: '解压后大小与记录不符',
    deflate: '压缩数据损坏',
    crc: '校验码不符，数据已损坏',
    method: '不支持的压缩方式',
  },
  en: {
    short: 'too short to be a whole archive',
    noEndRecord: 'no archive directory found; the file may be incomplete',
    zip64: 'damaged ZIP64 directory',
    centralDirectory: 'damaged archive directory',
    encrypted: 'the member is encrypted',
    localHeader: 'damaged member header',
    size: 'extracted size differs from the recorded one',
    deflate: 'damaged compressed data',
    crc: 'checksum mismatch: the data is damaged',
    method: 'unsupported compression method',
  },
};

function evidenceText(value: string, lang: Lang): string {
  const known = EVIDENCE[lang][value];
  if (known) return known;
  if (value.startsWith('ldid:')) {
    const ldid = value.slice(5);
    return lang === 'zh-CN' ? `LDID ${ldid} 与内容不符` : `LDID ${ldid} contradicted by the content`;
  }
  if (value.startsWith('cpg:')) {
    const cpg = value.slice(4);
    return lang === 'zh-CN' ? `无法识别 .cpg 内容“${cpg}”` : `unrecognised .cpg "${cpg}"`;
  }
  return value;
}

/** The file's own name: "county.zip/JBNT.dbf" stays whole — the archive path tells where it came from. */
function fileLabel(path: string): string {
  return path === '' ? '?' : path;
}

/** "斑竹村.dbf：……" — names the file and the problem, in the user's language. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  for (const [key, alias] of Object.entries(PARAM_ALIASES)) {
    const aliased = params[alias];
    if (params[key] === undefined && aliased !== undefined) params[key] = aliased;
  }
  const base = ISSUE_MESSAGES[lang][issue.code] ?? `{file}: ${issue.code}`;
  const baseNeeds = [...base.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).filter((k) => k !== 'file');
  let template = base;
  if (!baseNeeds.every((k) => params[k] !== undefined)) {
    const variant = ISSUE_VARIANTS[lang][issue.code]?.find((v) => v.needs.every((k) => params[k] !== undefined));
    if (variant) template = variant.template;
  }
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    if (key === 'file') return fileLabel(issue.file);
    const v = params[key];
    if (v === undefined) return '?';
    if (key === 'evidence') return evidenceText(String(v), lang);
    if (key === 'reason' && issue.code === 'zip.corrupt') {
      const reason = String(v);
      const method = /^method(\d+)$/.exec(reason); // "method12": a compression method other than stored/deflate
      return method ? `${ZIP_REASONS[lang].method} (${method[1]})` : (ZIP_REASONS[lang][reason] ?? reason);
    }
    return String(v);
  });
}
