#!/usr/bin/python3
"""Reads an .xlsx with nothing but zipfile + xml.etree (an independent reader: not exceljs, which wrote it) and
prints what a spreadsheet program would show as JSON: sheet names in order, each sheet's cells (shared strings,
inline strings and numbers resolved), merged ranges, page setup, print titles and row heights.

Usage: /usr/bin/python3 scripts/read-xlsx.py FILE.xlsx  → JSON on stdout.
"""
import json
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def shared_strings(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    out = []
    for si in root.findall("m:si", NS):
        parts = []
        for el in si:
            tag = el.tag.split("}")[1]
            if tag == "t":
                parts.append(el.text or "")
            elif tag == "r":
                t = el.find("m:t", NS)
                parts.append((t.text or "") if t is not None else "")
        out.append("".join(parts))
    return out


def main(path):
    z = zipfile.ZipFile(path)
    bad = z.testzip()
    if bad is not None:
        raise SystemExit(f"corrupt member {bad}")
    strings = shared_strings(z)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    defined = {}
    for d in wb.findall("m:definedNames/m:definedName", NS):
        defined.setdefault(d.get("name"), {})[int(d.get("localSheetId", "-1"))] = d.text
    sheets = []
    for i, s in enumerate(wb.findall("m:sheets/m:sheet", NS)):
        t = target[s.get("{%s}id" % NS["r"])]
        member = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
        root = ET.fromstring(z.read(member))
        cells = {}
        heights = {}
        for row in root.findall("m:sheetData/m:row", NS):
            if row.get("ht") is not None:
                heights[row.get("r")] = float(row.get("ht"))
            for c in row.findall("m:c", NS):
                ref, typ = c.get("r"), c.get("t")
                v = c.find("m:v", NS)
                if typ == "s":
                    cells[ref] = strings[int(v.text)]
                elif typ == "inlineStr":
                    cells[ref] = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                elif typ == "str":
                    cells[ref] = v.text if v is not None else ""
                elif typ == "b":
                    cells[ref] = v.text == "1"
                elif v is not None:
                    num = float(v.text)
                    cells[ref] = int(num) if num.is_integer() else num
        merged = [m.get("ref") for m in root.findall("m:mergeCells/m:mergeCell", NS)]
        ps = root.find("m:pageSetup", NS)
        fit = root.find("m:sheetPr/m:pageSetUpPr", NS)
        sheets.append(
            {
                "name": s.get("name"),
                "cells": cells,
                "merged": merged,
                "rowHeights": heights,
                "pageSetup": dict(ps.attrib) if ps is not None else None,
                "fitToPage": fit is not None and fit.get("fitToPage") in ("1", "true"),
                "printTitles": defined.get("_xlnm.Print_Titles", {}).get(i),
            }
        )
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
