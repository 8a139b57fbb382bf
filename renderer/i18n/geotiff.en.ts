import type { geotiffZhCN } from './geotiff.zh-CN';

export const geotiffEn: Record<keyof typeof geotiffZhCN, string> = {
  'geotiff.opened': 'Opened image “{file}” ({crs})',
  'geotiff.size': '{width} × {height} px, {bands} bands, {bits}-bit',
  'geotiff.pixel': 'pixel {size}',
  'geotiff.overviews': '{count} overview levels',
  'geotiff.noOverviews': 'no overviews (slow when zoomed out)',
  'geotiff.crs': 'CRS: {crs}',
  'geotiff.date': 'Date: {date} ({from})',
  'geotiff.dateFrom.tiff': 'TIFF tag',
  'geotiff.dateFrom.file': 'file modified',
  'geotiff.noDate': 'Date: unknown',
  'geotiff.stretch': 'stretch {lo} – {hi} (2 % – 98 %)',
  'geotiff.nodata': 'nodata {value} (transparent)',
  'geotiff.georefFrom': 'georeferenced by {from}',
  'geotiff.from.tags': 'GeoTIFF tags',
  'geotiff.from.tfw': 'the .tfw file',
  'geotiff.from.aux.xml': 'the .aux.xml file',
  'geotiff.from.geokeys': 'GeoTIFF tags',
  'geotiff.from.prj': 'the .prj file',
  'geotiff.localDatum': '“{file}” is in {datum}; no datum shift applied (it needs local parameters): it may lie tens of metres off CGCS2000 data',
  'geotiff.refused.noGeoreferencing':
    '“{file}” has no georeferencing (no GeoTIFF tags, no .tfw or .aux.xml of the same name): it cannot be placed on the map',
  'geotiff.refused.gcpsOnly': '“{file}” has only ground control points, no geotransform: rectify it in a GIS first',
  'geotiff.refused.rotated': '“{file}” has a rotated geotransform, which is not supported: resample it north-up first (e.g. gdalwarp)',
  'geotiff.refused.unknownCrs':
    '“{file}”: coordinate system not recognised ({detail}); CGCS2000 geographic and Gauss-Krüger 3°/6° zones (with or without the zone prefix) are supported',
  'geotiff.refused.noCrs': '“{file}” has a geotransform but no coordinate system: open its .prj of the same name with it',
  'geotiff.refused.notTiff': '“{file}” is not a readable TIFF file',
  'geotiff.refused.unsupportedSamples': '“{file}”: pixel format not supported ({detail})',
  'geotiff.refused.unreadable': 'Could not read the pixels of “{file}” ({detail})',
};
