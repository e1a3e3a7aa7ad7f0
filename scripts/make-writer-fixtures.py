#!/usr/bin/env python3
"""
Writes test/fixtures/writers/: the stacked 固原 form (test/fixtures/guyuan.xlsx) as three real writers
save it, for test/xlsx-writers.test.ts (issue 29). Not run by CI; run it by hand when a writer
changes:  pip install openpyxl xlsxwriter && python3 scripts/make-writer-fixtures.py

- openpyxl.xlsx        openpyxl load + save, with wb.iso_dates (dates as t="d" ISO text) and a
                       sheet 日期 holding 2026-01-01 00:00 as a date
- xlsxwriter-cm.xlsx   xlsxwriter with constant_memory (inline strings, rows streamed) and
                       date_1904, the same cells and merged areas, and the same 日期 sheet
- elementtree.xlsx     every XML part of the original parsed and written again by Python's
                       xml.etree.ElementTree (ns0:, ns1: prefixes on every element)
"""
import datetime
import io
import os
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
import xlsxwriter

ROOT = os.path.join(os.path.dirname(__file__), '..')
SOURCE = os.path.join(ROOT, 'test', 'fixtures', 'guyuan.xlsx')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'writers')
os.makedirs(OUT, exist_ok=True)
DAY = datetime.datetime(2026, 1, 1, 0, 0, 0)

# openpyxl
wb = openpyxl.load_workbook(SOURCE)
wb.iso_dates = True
ws = wb.create_sheet('日期')
ws['A1'] = '日期'
ws['B1'] = DAY
ws['B1'].number_format = 'yyyy-mm-dd'
wb.save(os.path.join(OUT, 'openpyxl.xlsx'))

# xlsxwriter, constant_memory and the 1904 date system
src = openpyxl.load_workbook(SOURCE)
out = xlsxwriter.Workbook(os.path.join(OUT, 'xlsxwriter-cm.xlsx'), {'constant_memory': True, 'date_1904': True})
for sheet in src.worksheets:
    o = out.add_worksheet(sheet.title)
    merged = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
    covered = set()
    for m in sheet.merged_cells.ranges:
        for r in range(m.min_row, m.max_row + 1):
            for c in range(m.min_col, m.max_col + 1):
                if (r, c) != (m.min_row, m.min_col):
                    covered.add((r, c))
    for row in sheet.iter_rows():
        for cell in row:
            if (cell.row, cell.column) in covered:
                continue
            m = merged.get((cell.row, cell.column))
            if m:
                o.merge_range(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1, cell.value)
            elif cell.value is not None:
                o.write(cell.row - 1, cell.column - 1, cell.value)
d = out.add_worksheet('日期')
d.write(0, 0, '日期')
d.write_datetime(0, 1, DAY, out.add_format({'num_format': 'yyyy-mm-dd'}))
out.close()

# ElementTree
with zipfile.ZipFile(SOURCE) as z, zipfile.ZipFile(os.path.join(OUT, 'elementtree.xlsx'), 'w', zipfile.ZIP_DEFLATED) as w:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename.endswith(('.xml', '.rels')):
            tree = ET.ElementTree(ET.fromstring(data))
            buf = io.BytesIO()
            tree.write(buf, encoding='UTF-8', xml_declaration=True)
            data = buf.getvalue()
        w.writestr(info.filename, data)
print('written:', sorted(os.listdir(OUT)))
