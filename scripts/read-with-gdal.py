#!/usr/bin/python3
"""Reads a shapefile with GDAL/OGR and GEOS (shapely) and prints JSON: the independent reference the writers'
specs compare with (shared/formats/shapefile/*-write.spec.ts). Usage: read-with-gdal.py PATH.shp

GDAL decodes the .dbf as its .cpg (or LDID) says and returns UTF-8 text; shapely computes each polygon's area in
the file's own units from the geometry GDAL read (degrees² for lon/lat, m² for a GK file)."""
import json
import sys

from osgeo import ogr, osr
from shapely import wkb

ogr.UseExceptions()
path = sys.argv[1]
ds = ogr.Open(path)
layer = ds.GetLayer(0)
defn = layer.GetLayerDefn()
fields = []
for i in range(defn.GetFieldCount()):
    f = defn.GetFieldDefn(i)
    fields.append({"name": f.GetName(), "type": f.GetTypeName(), "width": f.GetWidth(), "precision": f.GetPrecision()})
features = []
for feat in layer:
    g = feat.GetGeometryRef()
    shape = wkb.loads(bytes(g.ExportToWkb())) if g is not None else None
    features.append({
        "properties": {fields[i]["name"]: feat.GetField(i) for i in range(len(fields))},
        "geometryType": g.GetGeometryName() if g is not None else None,
        "area": shape.area if shape is not None else None,
        "valid": shape.is_valid if shape is not None else None,
        "parts": (len(shape.geoms) if shape.geom_type == "MultiPolygon" else 1) if shape is not None else 0,
        "holes": (sum(len(p.interiors) for p in (shape.geoms if shape.geom_type == "MultiPolygon" else [shape]))) if shape is not None else 0,
    })
srs = layer.GetSpatialRef()
epsg = None
if srs is not None:
    srs.AutoIdentifyEPSG()
    epsg = srs.GetAuthorityCode(None)
    if epsg is None:
        matches = srs.FindMatches()
        epsg = matches[0][0].GetAuthorityCode(None) if matches and matches[0][1] >= 90 else None
print(json.dumps({
    "fields": fields,
    "features": features,
    "srsName": srs.GetName() if srs is not None else None,
    "epsg": epsg,
    "encoding": layer.GetMetadataItem("ENCODING_FROM_CPG", "SHAPEFILE") or layer.GetMetadataItem("ENCODING_FROM_LDID", "SHAPEFILE"),
}, ensure_ascii=False))
