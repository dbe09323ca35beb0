#!/usr/bin/python3
"""
Rebuilds the interop corpus test/fixtures/corpus/: workbooks written by other programs
(openpyxl, LibreOffice), each holding every KAM input table of test/fixtures/example-2025Q4.xlsx
(same rows, real Excel tables named Staff, Customers, …, on their Chinese sheets) plus the
real-world features a save must leave byte-identical (charts, chart sheets, comments, print
settings, validations, filters, calculated columns, images, embedded objects, pivot tables,
VBA). Writes MANIFEST.json next to them.

    /usr/bin/python3 scripts/corpus/make.py [--out DIR] [--only NAME…] [--keep-work]

Needs Debian's python3-openpyxl (3.0.x) and LibreOffice (soffice) on PATH. The openpyxl files
are byte-for-byte reproducible (fixed time stamps); the LibreOffice ones are not (LibreOffice
stamps the time it saved). CI needs none of this: the outputs are committed.
"""
import argparse
import datetime
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

import openpyxl
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter, CustomFilter, CustomFilters, FilterColumn, Filters
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableFormula, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ next to the scripts
from cfb import write_cfb  # noqa: E402
from vba import kam_vba_project  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
FIXTURE = os.path.join(ROOT, "test", "fixtures", "example-2025Q4.xlsx")
DEFAULT_OUT = os.path.join(ROOT, "test", "fixtures", "corpus")
FIXED = datetime.datetime(2025, 12, 31, 9, 30, 0)
LO_PROFILE = "file:///tmp/lo-corpus"
XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"
XLSM_FILTER = "xlsm:Calc MS Excel 2007 VBA XML"

# ---------------------------------------------------------------------------------------------
# The KAM tables, read from the fixture


class KamTable:
    def __init__(self, name, sheet, ref, rows, formats):
        self.name, self.sheet, self.ref = name, sheet, ref
        self.rows = rows  # list of lists of values, header first
        self.formats = formats  # same shape: number formats (None = General)


def read_fixture():
    wb = openpyxl.load_workbook(FIXTURE)
    tables = []
    for ws in wb.worksheets:
        for name, ref in ws.tables.items():
            rows, formats = [], []
            for row in ws[ref]:
                rows.append([c.value for c in row])
                formats.append([c.number_format if c.number_format != "General" else None for c in row])
            tables.append(KamTable(name, ws.title, ref, rows, formats))
    return tables


KAM = read_fixture()
BY_NAME = {t.name: t for t in KAM}
SHEET_OF = {t.name: t.sheet for t in KAM}

# ---------------------------------------------------------------------------------------------
# Workbook building


def table_style():
    return TableStyleInfo(name="TableStyleMedium2", showFirstColumn=False, showLastColumn=False,
                          showRowStripes=True, showColumnStripes=False)


def add_kam_sheets(wb, index=None):
    """Every KAM input table on its Chinese sheet, as a real table; returns {table: ws}."""
    out = {}
    for i, t in enumerate(KAM):
        ws = wb.create_sheet(t.sheet, None if index is None else index + i)
        for r, (vals, fmts) in enumerate(zip(t.rows, t.formats), start=1):
            for c, (v, f) in enumerate(zip(vals, fmts), start=1):
                cell = ws.cell(row=r, column=c, value=v)
                if f:
                    cell.number_format = f
        for c in range(1, len(t.rows[0]) + 1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 14
        ws.add_table(Table(displayName=t.name, ref=t.ref, tableStyleInfo=table_style()))
        out[t.name] = ws
    return out


def new_workbook(epoch1904=False):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    wb.properties.creator = "KAM corpus (openpyxl)"
    wb.properties.lastModifiedBy = "KAM corpus"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def tiny_png(w=48, h=24, seed=0):
    """A small RGB gradient PNG, made with zlib only (no Pillow here)."""
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            raw += bytes(((x * 255) // w, (y * 255) // h, (seed * 67 + 128) % 256))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


class PngImage(Image):
    """openpyxl's Image without Pillow: the bytes and size given directly."""

    def __init__(self, data, width, height):  # noqa: super().__init__ needs Pillow
        self.ref = data
        self.width, self.height = width, height
        self.format = "png"

    def _data(self):
        return self.ref


THIN = Side(style="thin", color="999999")

# ---------------------------------------------------------------------------------------------
# Features (each adds to a workbook that already holds the KAM sheets)


def feat_chart_sheet_data(wb, kam, index=0):
    ws = wb.create_sheet("销售图表", index)
    ws.append(["月份", "华东（万元）", "华南（万元）"])
    for row in [["2025-10", 120, 30], ["2025-11", 0, 75.5], ["2025-12", 30, 0]]:
        ws.append(row)
    bar = BarChart()
    bar.type = "col"
    bar.title = "季度签约额"
    bar.y_axis.title = "万元"
    bar.add_data(Reference(ws, min_col=2, min_row=1, max_col=3, max_row=4), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
    ws.add_chart(bar, "E2")
    line = LineChart()
    line.title = "累计"
    line.add_data(Reference(ws, min_col=2, min_row=1, max_col=3, max_row=4), titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
    ws.add_chart(line, "E18")
    return ["bar chart and line chart (drawing + 2 chart parts) on a non-KAM sheet placed first"]


def feat_chart_on_kam(wb, kam):
    ws = kam["Contracts"]
    bar = BarChart()
    bar.title = "合同金额"
    bar.add_data(Reference(ws, min_col=5, min_row=1, max_row=6), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=2, max_row=6))
    ws.add_chart(bar, "H2")
    return ["bar chart on a KAM sheet (合同) whose series read the Contracts table's cells"]


def feat_chartsheet(wb, kam):
    data = wb.create_sheet("费用汇总")
    data.append(["类别", "金额（元）"])
    for row in [["招待", 4000], ["差旅", 3500], ["礼品", 6600]]:
        data.append(row)
    pie = PieChart()
    pie.title = "服务费用构成"
    pie.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    pie.set_categories(Reference(data, min_col=1, min_row=2, max_row=4))
    # Between the KAM sheets: a chart sheet shifts the sheet indexes of the worksheets after it.
    cs = wb.create_chartsheet("费用图", 4)
    cs.add_chart(pie)
    return ["chart sheet (费用图, a pie chart) between the KAM sheets (5th tab)", "non-KAM data sheet for the chart"]


def feat_comments(wb, kam):
    cu = kam["Customers"]
    cu["B2"].comment = Comment("重点客户：年度框架协议 2026 年续签。", "周经理", width=240, height=80)
    cu["Q9"].comment = Comment("电话号码待核实（客户只留了总机 110？）", "吴内勤")
    kam["Visits"]["A2"].comment = Comment("首访后转为回访。", "郑专员")
    memo = wb.create_sheet("备忘")
    memo["A1"] = "本页记录经理批注"
    memo["A3"] = "Q4 复盘"
    memo["A3"].comment = Comment("见 12 月例会纪要", "周经理")
    return ["comments (legacy VML + comments part) on KAM cells: 客户档案!B2 (a customer name), 客户档案!Q9, 拜访记录!A2",
            "comment on a non-KAM sheet"]


def feat_print(wb, kam):
    ws = wb.create_sheet("季度报表", 0)
    ws.merge_cells("A1:F1")
    ws["A1"] = "2025 年第四季度大客户部工作报表"
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:F2")
    ws["A2"] = "编制：吴内勤    审核：周经理"
    ws.append(["序号", "客户编号", "事项", "负责人", "日期", "备注"])
    for i in range(1, 61):
        ws.append([i, "C%02d" % (i % 8 + 1), "跟进事项 %d" % i, "S0%d" % (i % 2 + 1),
                   datetime.date(2025, 10, 1) + datetime.timedelta(days=i), None])
        ws.cell(row=i + 3, column=5).number_format = "yyyy-mm-dd"
    for row in ws.iter_rows(min_row=3, max_row=63, max_col=6):
        for c in row:
            c.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    ws.merge_cells("F10:F14")
    ws["F10"] = "合并的备注单元格"
    ws.print_title_rows = "3:3"
    ws.print_area = "A1:F63"
    ws.row_breaks.append(Break(id=23))
    ws.row_breaks.append(Break(id=43))
    ws.col_breaks.append(Break(id=4))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.right.text = "第 &P 页，共 &N 页"
    ws.freeze_panes = "A4"
    cu = kam["Customers"]
    cu.print_title_rows = "1:1"
    cu.freeze_panes = "C2"
    cu.page_setup.orientation = "landscape"
    cu.merge_cells("V1:X1")
    cu["V1"] = "说明：本表由内勤维护"
    return ["merged cells (title, a 5-row block) on a non-KAM sheet placed first",
            "print area, print titles (_xlnm.Print_Titles on 2 sheets: localSheetId), manual row and column page breaks",
            "page setup (A4 landscape, fit to width), header/footer, freeze panes",
            "merged cells and freeze panes on a KAM sheet (客户档案, outside the table)"]


def feat_validation(wb, kam):
    lists = wb.create_sheet("下拉选项")
    for i, v in enumerate(["潜在", "开发中", "合作中", "流失"], start=1):
        lists.cell(row=i, column=1, value=v)
    for i, v in enumerate(["A", "B", "C"], start=1):
        lists.cell(row=i, column=2, value=v)
    lists.sheet_state = "hidden"
    secret = wb.create_sheet("内部参数")
    secret["A1"] = "veryHidden 参数页"
    secret.sheet_state = "veryHidden"
    wb.defined_names.append(DefinedName("客户等级列表", attr_text="下拉选项!$B$1:$B$3"))
    cu = kam["Customers"]
    dv = DataValidation(type="list", formula1="客户等级列表", allow_blank=True, showErrorMessage=True,
                        errorTitle="客户等级", error="请选择 A、B 或 C")
    dv.add("F2:F200")
    cu.add_data_validation(dv)
    dv2 = DataValidation(type="list", formula1="下拉选项!$A$1:$A$4", allow_blank=False)
    dv2.add("H2:H200")
    cu.add_data_validation(dv2)
    vi = kam["Visits"]
    dv3 = DataValidation(type="list", formula1='"首访,回访,接待,电话"', allow_blank=False)
    dv3.add("D2:D200")
    vi.add_data_validation(dv3)
    su = kam["Surveys"]
    dv4 = DataValidation(type="whole", operator="between", formula1="0", formula2="100",
                         showInputMessage=True, promptTitle="满意度", prompt="0–100 的整数")
    dv4.add("E2:E200")
    su.add_data_validation(dv4)
    co = kam["Contracts"]
    dv5 = DataValidation(type="date", operator="greaterThan", formula1="43831")
    dv5.add("D2:D200")
    co.add_data_validation(dv5)
    co.conditional_formatting.add("E2:E6", CellIsRule(operator="greaterThan", formula=["100"],
                                                       fill=PatternFill("solid", start_color="FFF2CC")))
    su.conditional_formatting.add("E2:E3", ColorScaleRule(start_type="num", start_value=0, start_color="F8696B",
                                                           end_type="num", end_value=100, end_color="63BE7B"))
    return ["data validations on KAM columns (客户档案 客户等级 via a defined name, 状态 from a hidden sheet, 拜访类型 inline list, 满意度 whole 0-100 with prompt, 签订日期 date)",
            "hidden sheet and veryHidden sheet", "workbook defined name used by a validation",
            "conditional formatting (cellIs, color scale) on KAM columns"]


def feat_filter(wb, kam):
    vi = kam["Visits"]
    t = vi.tables["Visits"]
    # Explicit columns: openpyxl would otherwise make them at save time and reset the autoFilter.
    t.tableColumns = [TableColumn(id=i + 1, name=h) for i, h in enumerate(BY_NAME["Visits"].rows[0])]
    t.autoFilter = AutoFilter(ref=t.ref)
    t.autoFilter.filterColumn.append(FilterColumn(colId=6, filters=Filters(filter=["已完成"])))
    vi.row_dimensions[3].hidden = True  # V2 已取消: hidden by the filter, still a row of the table
    vi.sheet_properties.filterMode = True
    ws = wb.create_sheet("订单筛选")
    ws.append(["订单号", "区域", "客户编号", "金额（元）"])
    for i in range(1, 21):
        ws.append(["D%03d" % i, "华东" if i % 3 else "华南", "C%02d" % (i % 8 + 1), 250 * i])
    ws.auto_filter.ref = "A1:D21"
    ws.auto_filter.filterColumn.append(FilterColumn(colId=1, filters=Filters(filter=["华东"])))
    ws.auto_filter.filterColumn.append(FilterColumn(
        colId=3, customFilters=CustomFilters(customFilter=[CustomFilter(operator="greaterThan", val="1000")])))
    for i in range(1, 21):
        if not (i % 3 and 250 * i > 1000):
            ws.row_dimensions[i + 1].hidden = True
    ws.sheet_properties.filterMode = True
    return ["table autoFilter with a criterion on the Visits table (状态 = 已完成) and the row it hides (V2, row 3)",
            "sheet autoFilter with filters + customFilters and hidden rows on a non-KAM sheet (_xlnm._FilterDatabase)"]


def feat_calccol(wb, kam):
    ws = wb.create_sheet("订单明细")
    ws.append(["订单号", "客户编号", "数量", "单价（元）", "金额（元）"])
    for i in range(1, 7):
        r = i + 1
        ws.append(["D%03d" % i, "C%02d" % i, i * 2, 150 + 10 * i,
                   "=Orders[[#This Row],[数量]]*Orders[[#This Row],[单价（元）]]"])
    ws.append(["汇总", None, "=SUBTOTAL(109,Orders[数量])", None, "=SUBTOTAL(109,Orders[金额（元）])"])
    orders = Table(displayName="Orders", ref="A1:E8", totalsRowCount=1, tableStyleInfo=table_style())
    orders.tableColumns = [
        TableColumn(id=1, name="订单号", totalsRowLabel="汇总"),
        TableColumn(id=2, name="客户编号"),
        TableColumn(id=3, name="数量", totalsRowFunction="sum"),
        TableColumn(id=4, name="单价（元）"),
        TableColumn(id=5, name="金额（元）", totalsRowFunction="sum",
                    calculatedColumnFormula=TableFormula(attr_text="Orders[[#This Row],[数量]]*Orders[[#This Row],[单价（元）]]")),
    ]
    orders.autoFilter = AutoFilter(ref="A1:E7")
    ws.add_table(orders)
    # An extra user column, calculated, at the right end of a KAM table (the reader keeps it untouched).
    co = kam["Contracts"]
    t = co.tables["Contracts"]
    src = BY_NAME["Contracts"]
    n = len(src.rows)
    co.cell(row=1, column=7, value="含税金额（万元）")
    for r in range(2, n + 1):
        co.cell(row=r, column=7, value="=Contracts[[#This Row],[合同金额（万元）]]*1.13").number_format = "0.00"
    t.ref = "A1:G%d" % n
    t.tableColumns = [TableColumn(id=i + 1, name=h) for i, h in enumerate(src.rows[0])] + [
        TableColumn(id=7, name="含税金额（万元）",
                    calculatedColumnFormula=TableFormula(attr_text="Contracts[[#This Row],[合同金额（万元）]]*1.13"))]
    t.autoFilter = AutoFilter(ref=t.ref)
    summary = wb.create_sheet("汇总")
    summary["A1"] = "有效合同总额（万元）"
    summary["B1"] = '=SUMIFS(Contracts[合同金额（万元）],Contracts[状态],"有效")'
    summary["A2"] = "合作中客户数"
    summary["B2"] = '=COUNTIFS(Customers[状态],"合作中")'
    summary["A3"] = "订单金额合计"
    summary["B3"] = "=Orders[[#Totals],[金额（元）]]"
    return ["non-KAM table (Orders) with a calculatedColumnFormula column and a totals row (totalsRowFunction)",
            "extra user column with a calculatedColumnFormula at the right end of a KAM table (Contracts G)",
            "formulas with structured references to KAM tables (Contracts[...], Customers[...]) on another sheet"]


def feat_image(wb, kam):
    logo = wb.create_sheet("标志", 0)
    logo["A1"] = "公司标志"
    img = PngImage(tiny_png(96, 48, 1), 96, 48)
    img.anchor = "B3"
    logo.add_image(img)
    img2 = PngImage(tiny_png(48, 24, 2), 48, 24)
    img2.anchor = "V2"
    kam["Customers"].add_image(img2)
    return ["PNG images (xl/media, drawing with pictures) on a non-KAM sheet placed first and on a KAM sheet (客户档案!V2)"]


def feat_attachment_sheet(wb, kam):
    ws = wb.create_sheet("附件")
    ws["A1"] = "附件：readme.txt（嵌入对象）"
    cu = kam["Customers"]
    cu.page_setup.orientation = "landscape"
    cu.page_setup.paperSize = cu.PAPERSIZE_A4
    return ["embedded OLE object (progId Package, xl/embeddings/oleObject1.bin, a compound file) with its VML shape and preview image on a non-KAM sheet",
            "printer settings part (xl/printerSettings/printerSettings1.bin, a DEVMODEW) on a KAM sheet (客户档案 pageSetup r:id)",
            "custom XML data part (customXml/item1.xml + itemProps1.xml) related from the workbook",
            "custom document properties (docProps/custom.xml)"]


def feat_note_sheet(title, text, features=()):
    def f(wb, kam):
        ws = wb.create_sheet(title)
        ws["A1"] = text
        return list(features)
    return f

# ---------------------------------------------------------------------------------------------
# Zip post-processing


def rewrite_zip(path, edit=None, add=None):
    """Rewrites an openpyxl package with fixed time stamps; `edit(name, bytes)` may change a
    part (return None to drop it), `add` is {name: bytes} appended at the end."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        def put(name, data):
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            out.writestr(info, data)
        for info, data in items:
            if edit:
                data = edit(info.filename, data)
                if data is None:
                    continue
            put(info.filename, data)
        for name, data in (add or {}).items():
            put(name, data)
    os.replace(tmp, path)


def sheet_parts(path):
    """{sheet name: part name} of a package."""
    with zipfile.ZipFile(path) as z:
        wbxml = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        rid = re.search(r'Id="([^"]+)"', tag).group(1)
        target = re.search(r'Target="([^"]+)"', tag).group(1)
        targets[rid] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    out = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", wbxml):
        tag = m.group(0)
        name = re.search(r'name="([^"]+)"', tag).group(1)
        rid = re.search(r'r:id="([^"]+)"', tag) or re.search(r'id="([^"]+)"', tag)
        out[unescape(name)] = targets[rid.group(1)]
    return out


def unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def rels_path(part):
    d, f = part.rsplit("/", 1)
    return "%s/_rels/%s.rels" % (d, f)


def add_rel(rels_xml, rid, rtype, target):
    if rels_xml is None:
        rels_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    rel = '<Relationship Id="%s" Type="%s" Target="%s"/>' % (rid, rtype, target)
    return rels_xml.replace("</Relationships>", rel + "</Relationships>")


R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def devmode(name="KAM Printer"):
    """A DEVMODEW (what Excel keeps in xl/printerSettings/*.bin): A4, landscape, 600 dpi."""
    b = bytearray(220)
    dev = name.encode("utf-16-le")[:62]
    b[0:len(dev)] = dev
    struct.pack_into("<HHHH", b, 64, 0x0401, 0x0001, 220, 0)  # spec version, driver version, size, extra
    struct.pack_into("<I", b, 72, 0x0000_0F03)  # fields: orientation, paper size, copies, scale, quality…
    struct.pack_into("<hhhhhhhh", b, 76, 2, 9, 0, 0, 100, 1, 7, 600)  # landscape, A4, -, -, scale, copies, tray, 600 dpi
    struct.pack_into("<hhhh", b, 92, 1, 600, 1, 1)  # color, yres, TT option, collate
    form = "A4".encode("utf-16-le")
    b[102:102 + len(form)] = form
    return bytes(b)


def ole_package(filename, data):
    """An embedded "Package" OLE object (oleObject*.bin): \\1Ole, \\1CompObj, \\3ObjInfo and
    \\1Ole10Native holding a small file, per [MS-OLEDS] and the Packager format."""
    clsid = bytes.fromhex("0C00030000000000C000000000000046")  # {0003000C-0000-0000-C000-000000000046}
    comp = bytearray(struct.pack("<IIi", 0xFFFE0001, 0x00000A03, -1)) + clsid
    comp += struct.pack("<I", 12) + b"OLE Package\0"
    comp += struct.pack("<I", 0)
    comp += struct.pack("<I", 8) + b"Package\0"
    comp += struct.pack("<IIII", 0x71B239F4, 0, 0, 0)
    fn = filename.encode("cp1252") + b"\0"
    path = b"C:\\KAM\\" + fn
    native = bytearray(struct.pack("<H", 2)) + fn + path + struct.pack("<I", 0x00030000)
    native += struct.pack("<I", len(path)) + path + struct.pack("<I", len(data)) + data
    native = struct.pack("<I", len(native)) + native
    return write_cfb({
        "\x01Ole": struct.pack("<IIII", 0x02000001, 0, 0, 0) + b"\0" * 4,
        "\x01CompObj": bytes(comp),
        "\x03ObjInfo": bytes([0x00, 0x00, 0x03, 0x00, 0x04, 0x00]),
        "\x01Ole10Native": bytes(native),
    }, clsids={"": clsid})


def add_embeddings(path):
    """openpyxl cannot write these; added to its package by hand: a printer settings part on a
    KAM sheet, an embedded OLE package object on a non-KAM sheet (VML shape + preview image),
    a custom XML data part and custom document properties."""
    parts = sheet_parts(path)
    cust = parts[SHEET_OF["Customers"]]
    att = parts["附件"]
    vml = ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:x="urn:schemas-microsoft-com:office:excel">\n'
           ' <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>\n'
           ' <v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f">\n'
           '  <v:stroke joinstyle="miter"/><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/>\n'
           ' </v:shapetype>\n'
           ' <v:shape id="_x0000_s1025" type="#_x0000_t75" style="position:absolute;margin-left:60pt;margin-top:30pt;width:72pt;height:36pt;z-index:1">\n'
           '  <v:imagedata o:relid="rId1" o:title=""/>\n'
           '  <x:ClientData ObjectType="Pict"><x:SizeWithCells/><x:Anchor>1, 0, 2, 0, 2, 48, 4, 0</x:Anchor><x:CF>Pict</x:CF><x:AutoPict/></x:ClientData>\n'
           ' </v:shape>\n'
           '</xml>\n').encode("utf-8")
    vml_rels = add_rel(None, "rId1", R + "/image", "../media/olepreview1.png").encode("utf-8")
    item = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<kam:properties xmlns:kam="urn:example:kam-corpus"><kam:owner>大客户部</kam:owner><kam:retention>5y</kam:retention></kam:properties>').encode("utf-8")
    item_props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                  '<ds:datastoreItem ds:itemID="{6C3D1A2E-2B7F-4E55-9A0C-5B1D2E3F4A50}" '
                  'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>').encode("utf-8")
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="部门"><vt:lpwstr>大客户部</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="密级"><vt:lpwstr>内部</vt:lpwstr></property>'
              '</Properties>').encode("utf-8")
    seen = set()

    def edit(name, data):
        seen.add(name)
        if name == "[Content_Types].xml":
            s = data.decode("utf-8")
            add = ('<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>'
                   '<Override PartName="/xl/embeddings/oleObject1.bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
                   '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
                   '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
            if 'Extension="vml"' not in s:
                add += '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
            if 'Extension="png"' not in s:
                add += '<Default Extension="png" ContentType="image/png"/>'
            return s.replace("</Types>", add + "</Types>").encode("utf-8")
        if name == "_rels/.rels":
            return add_rel(data.decode("utf-8"), "rIdKamCustom", R + "/custom-properties", "docProps/custom.xml").encode("utf-8")
        if name == "xl/_rels/workbook.xml.rels":
            return add_rel(data.decode("utf-8"), "rIdKamXml1", R + "/customXml", "../customXml/item1.xml").encode("utf-8")
        if name == cust:
            s = data.decode("utf-8")
            s, n = re.subn(r"<pageSetup\b", '<pageSetup xmlns:r="%s" r:id="rIdKamPs1"' % R, s, count=1)
            assert n == 1, "no pageSetup on the customer sheet"
            return s.encode("utf-8")
        if name == rels_path(cust):
            return add_rel(data.decode("utf-8"), "rIdKamPs1", R + "/printerSettings", "../printerSettings/printerSettings1.bin").encode("utf-8")
        if name == att:
            s = data.decode("utf-8")
            ole = ('<legacyDrawing xmlns:r="%s" r:id="rIdKamVml1"/><oleObjects><oleObject xmlns:r="%s" progId="Package" '
                   'shapeId="1025" r:id="rIdKamOle1"/></oleObjects>') % (R, R)
            assert "<legacyDrawing" not in s and "<tableParts" not in s
            return s.replace("</worksheet>", ole + "</worksheet>").encode("utf-8")
        return data

    extra = {
        "xl/printerSettings/printerSettings1.bin": devmode(),
        "xl/embeddings/oleObject1.bin": ole_package("readme.txt", "KAM 附件说明：见合同 K1。\r\n".encode("utf-8")),
        "xl/drawings/vmlDrawing_ole1.vml": vml,
        "xl/drawings/_rels/vmlDrawing_ole1.vml.rels": vml_rels,
        "xl/media/olepreview1.png": tiny_png(96, 48, 3),
        "customXml/item1.xml": item,
        "customXml/itemProps1.xml": item_props,
        "customXml/_rels/item1.xml.rels": add_rel(None, "rId1", R + "/customXmlProps", "itemProps1.xml").encode("utf-8"),
        "docProps/custom.xml": custom,
    }
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    att_rels = rels_path(att)
    att_rels_xml = None
    if att_rels in names:
        with zipfile.ZipFile(path) as z:
            att_rels_xml = z.read(att_rels).decode("utf-8")
    att_rels_xml = add_rel(att_rels_xml, "rIdKamVml1", R + "/vmlDrawing", "../drawings/vmlDrawing_ole1.vml")
    att_rels_xml = add_rel(att_rels_xml, "rIdKamOle1", R + "/oleObject", "../embeddings/oleObject1.bin")
    if att_rels in names:
        prev_edit = edit

        def edit(name, data, prev_edit=prev_edit):  # noqa: F811
            return att_rels_xml.encode("utf-8") if name == att_rels else prev_edit(name, data)
    else:
        extra[att_rels] = att_rels_xml.encode("utf-8")
    rewrite_zip(path, edit=edit, add=extra)


# ---------------------------------------------------------------------------------------------
# LibreOffice


def soffice(args, cwd):
    cmd = ["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless", "--norestore"] + args
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    if r.returncode != 0:
        raise RuntimeError("soffice failed: %s\n%s" % (" ".join(cmd), r.stdout.decode("utf-8", "replace")))


def lo_convert(src, outdir, filt, ext):
    os.makedirs(outdir, exist_ok=True)
    soffice(["--convert-to", filt, "--outdir", outdir, src], cwd=outdir)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + ext)
    if not os.path.exists(out):
        raise RuntimeError("soffice wrote nothing for " + src)
    return out


def lo_version():
    r = subprocess.run(["soffice", "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=120)
    m = re.search(r"LibreOffice (\d+\.\d+\.\d+(?:\.\d+)?)", r.stdout.decode())
    return m.group(1) if m else "unknown"


def fods_add_pivots(fods):
    """Adds a sheet 透视表 and two DataPilot tables to a flat ODS written by LibreOffice: one
    over the Contracts table's cells, one over the non-KAM sheet 销售明细."""
    s = open(fods, encoding="utf-8").read()
    sheet = ('<table:table table:name="透视表"><table:table-column table:number-columns-repeated="6"/>'
             '<table:table-row><table:table-cell/></table:table-row></table:table>')
    i = s.index("<table:named-expressions")
    s = s[:i] + sheet + "\n" + s[i:]
    co = BY_NAME["Contracts"]
    dp = ('<table:data-pilot-tables>'
          '<table:data-pilot-table table:name="合同透视" table:target-range-address="透视表.A1:透视表.D8" '
          'table:grand-total="both" table:show-filter-button="true" table:drill-down-on-double-click="true">'
          '<table:source-cell-range table:cell-range-address="合同.A1:合同.F%d"/>' % len(co.rows) +
          '<table:data-pilot-field table:source-field-name="员工编号" table:orientation="row" table:used-hierarchy="-1"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '<table:data-pilot-field table:source-field-name="状态" table:orientation="column" table:used-hierarchy="-1"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '<table:data-pilot-field table:source-field-name="合同编号" table:orientation="data" table:used-hierarchy="-1" table:function="count"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '</table:data-pilot-table>'
          '<table:data-pilot-table table:name="销售透视" table:target-range-address="透视表.A12:透视表.E20" '
          'table:grand-total="both" table:show-filter-button="true" table:drill-down-on-double-click="true">'
          '<table:source-cell-range table:cell-range-address="销售明细.A1:销售明细.D13"/>'
          '<table:data-pilot-field table:source-field-name="区域" table:orientation="row" table:used-hierarchy="-1"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '<table:data-pilot-field table:source-field-name="产品" table:orientation="column" table:used-hierarchy="-1"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '<table:data-pilot-field table:source-field-name="月份" table:orientation="page" table:used-hierarchy="-1"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '<table:data-pilot-field table:source-field-name="金额（万元）" table:orientation="data" table:used-hierarchy="-1" table:function="sum"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>'
          '</table:data-pilot-table>'
          '</table:data-pilot-tables>')
    i = s.index("</office:spreadsheet>")
    s = s[:i] + dp + "\n" + s[i:]
    open(fods, "w", encoding="utf-8").write(s)


def fods_add_external_refs(fods):
    """Adds a sheet 外部引用 whose formulas read another workbook (kam-2025Q3.xlsx, next to
    the document): LibreOffice writes them as [1]合同!E2 with an externalLink part."""
    s = open(fods, encoding="utf-8").read()
    sheet = ('<table:table table:name="外部引用"><table:table-column table:number-columns-repeated="2"/>'
             '<table:table-row><table:table-cell office:value-type="string"><text:p>上季度 K1 合同额</text:p></table:table-cell>'
             '<table:table-cell table:formula="of:=[&apos;kam-2025Q3.xlsx&apos;#$合同.E2]" office:value-type="float" office:value="88"><text:p>88</text:p></table:table-cell></table:table-row>'
             '<table:table-row><table:table-cell office:value-type="string"><text:p>上季度合同总额</text:p></table:table-cell>'
             '<table:table-cell table:formula="of:=SUM([&apos;kam-2025Q3.xlsx&apos;#$合同.E2:.E6])" office:value-type="float" office:value="240"><text:p>240</text:p></table:table-cell></table:table-row>'
             '</table:table>')
    i = s.index("<table:named-expressions")
    s = s[:i] + sheet + "\n" + s[i:]
    open(fods, "w", encoding="utf-8").write(s)


def feat_sales_data(wb, kam):
    ws = wb.create_sheet("销售明细")
    ws.append(["月份", "区域", "产品", "金额（万元）"])
    rows = []
    for m in ["2025-10", "2025-11", "2025-12"]:
        for region, product, amount in [("华东", "设备", 40), ("华东", "服务", 12), ("华南", "设备", 25), ("华南", "服务", 8)]:
            rows.append([m, region, product, amount + len(rows)])
    for r in rows:
        ws.append(r)
    return []


# ---------------------------------------------------------------------------------------------
# The corpus


def build_openpyxl(path, features, epoch1904=False, kam_index=None, vba=None, post=None):
    wb = new_workbook(epoch1904)
    kam = add_kam_sheets(wb, kam_index)
    notes = []
    for f in features:
        notes += f(wb, kam)
    if vba is not None:
        # openpyxl writes an .xlsm when it keeps a VBA archive (its keep_vba round trip).
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml",
                       '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            z.writestr("_rels/.rels",
                       '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
            z.writestr("xl/vbaProject.bin", vba)
        wb.vba_archive = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        wb.code_name = "ThisWorkbook"
    wb.save(path)
    rewrite_zip(path)
    if post:
        post(path)
    return notes


def kitchen_sink(wb, kam):
    notes = []
    for f in (feat_comments, feat_validation, feat_print, feat_image, feat_filter, feat_chart_on_kam):
        notes += f(wb, kam)
    return notes


def corpus(work, versions):
    """[(file, builder)], builder(out_path) → (writer, features, notes)."""
    OX = "openpyxl " + versions["openpyxl"]
    LO = "LibreOffice " + versions["libreoffice"]

    def ox(features, notes="", **kw):
        def build(out):
            feats = build_openpyxl(out, features, **kw)
            return OX, feats, notes
        return build

    def lo_from(features, extra_feats, notes, **kw):
        def build(out):
            src = os.path.join(work, "src-" + os.path.basename(out).replace(".xlsm", ".xlsx"))
            feats = build_openpyxl(src, features, **kw)
            res = lo_convert(src, os.path.join(work, "lo1"), XLSX_FILTER, "xlsx")
            shutil.copyfile(res, out)
            return LO, extra_feats + ["LibreOffice's rewrite of: " + "; ".join(scan(out))], \
                notes + " The openpyxl source had: " + " / ".join(feats)
        return build

    def pivot(out):
        src = os.path.join(work, "src-pivot.xlsx")
        build_openpyxl(src, [feat_sales_data])
        fods = lo_convert(src, os.path.join(work, "lo-fods"), "fods", "fods")
        fods_add_pivots(fods)
        first = lo_convert(fods, os.path.join(work, "lo-pivot1"), XLSX_FILTER, "xlsx")
        # A second pass: LibreOffice lays the pivot output out in the cells when it imports
        # the pivot tables from .xlsx (not from the hand-made ODS definition).
        second = lo_convert(first, os.path.join(work, "lo-pivot2"), XLSX_FILTER, "xlsx")
        shutil.copyfile(second, out)
        return LO, ["2 pivot tables (pivotTable + pivotCacheDefinition + pivotCacheRecords) on a non-KAM sheet 透视表",
                    "pivot cache whose worksheetSource is the Contracts table's range on 合同 (count of 合同编号 by 员工编号 × 状态)",
                    "pivot cache over a non-KAM sheet 销售明细 with a page field (月份) and a sum data field"], \
            "Built as: openpyxl KAM workbook → LibreOffice .fods → DataPilot tables added to the flat ODS by make.py → LibreOffice .xlsx → LibreOffice .xlsx again (so the pivot output cells are laid out)."

    def lo_extlink(out):
        d = os.path.join(work, "extlink")
        src = os.path.join(d, "src-extlink.xlsx")
        os.makedirs(d, exist_ok=True)
        build_openpyxl(src, [])
        shutil.copyfile(FIXTURE, os.path.join(d, "kam-2025Q3.xlsx"))
        fods = lo_convert(src, d, "fods", "fods")
        fods_add_external_refs(fods)
        res = lo_convert(fods, d, XLSX_FILTER, "xlsx")
        shutil.copyfile(res, out)
        return LO, ["external workbook references: formulas [1]合同!E2 and SUM([1]合同!E2:E6) on a non-KAM sheet 外部引用",
                    "externalLink part (xl/externalLinks/externalLink1.xml) with a TargetMode=External relationship to kam-2025Q3.xlsx"], \
            ("Built as: openpyxl KAM workbook → LibreOffice .fods → a sheet of external-reference formulas added by make.py → "
             "LibreOffice .xlsx. LibreOffice (headless) does not update links, so the cached results are #N/A and the "
             "externalBook holds no sheet cache.")

    def lo_vba(out):
        src = os.path.join(work, "src-lovba.xlsm")
        build_openpyxl(src, [feat_note_sheet("宏说明", "本工作簿含 VBA 宏（KamMacros）")], vba=kam_vba_project())
        res = lo_convert(src, os.path.join(work, "lo-xlsm"), XLSM_FILTER, "xlsm")
        shutil.copyfile(res, out)
        return LO, ["macro-enabled workbook (workbook content type sheet.macroEnabled.main+xml)",
                    "xl/vbaProject.bin written by LibreOffice's own VBA exporter (PROJECT with CMG/DPB/GC, LibreOffice-compressed dir and module streams: ThisWorkbook, KamMacros)"], \
            ("Built as: openpyxl-vba.xlsm's workbook → opened by LibreOffice (it imports the VBA project) → saved with the "
             "'Calc MS Excel 2007 VBA XML' filter, which re-exports the project. make.py checks LibreOffice reads the module back.")

    def lo_iso(out):
        src = os.path.join(work, "src-iso.xlsx")
        feats = build_openpyxl(src, [feat_comments, feat_calccol])
        res = lo_convert(src, os.path.join(work, "lo-iso"), "xlsx:Calc Office Open XML", "xlsx")
        shutil.copyfile(res, out)
        return LO, ["written with LibreOffice's other xlsx filter, 'Calc Office Open XML' (ISO/IEC 29500 transitional: workbookPr dateCompatibility, …)",
                    "LibreOffice's rewrite of: " + "; ".join(scan(out))], \
            ("Not Strict OOXML: no program here writes Strict (LibreOffice reads it but only writes transitional). "
             "The openpyxl source had: " + " / ".join(feats))

    return [
        ("openpyxl-chart.xlsx", ox([feat_chart_sheet_data, feat_chart_on_kam])),
        ("openpyxl-chartsheet.xlsx", ox([feat_chartsheet])),
        ("openpyxl-comments.xlsx", ox([feat_comments])),
        ("openpyxl-print.xlsx", ox([feat_print])),
        ("openpyxl-validation.xlsx", ox([feat_validation])),
        ("openpyxl-filter.xlsx", ox([feat_filter])),
        ("openpyxl-calccol.xlsx", ox([feat_calccol],
                                     "Formula cells have no cached values (openpyxl never computes): a reader sees them as formulas without results.")),
        ("openpyxl-1904.xlsx", ox([feat_note_sheet("说明", "本工作簿使用 1904 日期系统", ["1904 date system (workbookPr date1904): every KAM date is a 1904-based serial"])],
                                  "Every date cell holds a 1904-based serial (workbookPr date1904=1): read as 1900-based they would be 1462 days (4 years) early.",
                                  epoch1904=True)),
        ("openpyxl-image.xlsx", ox([feat_image])),
        ("openpyxl-embeddings.xlsx", ox([feat_attachment_sheet],
                                        "openpyxl output with parts openpyxl cannot write added by make.py (add_embeddings): they are hand-made, "
                                        "following the formats ([MS-CFB], [MS-OLEDS] Packager, DEVMODEW), not written by Excel.",
                                        post=add_embeddings)),
        ("openpyxl-vba.xlsm", ox([feat_note_sheet("宏说明", "本工作簿含 VBA 宏（KamMacros）", [
                                     "macro-enabled workbook (.xlsm, workbook content type sheet.macroEnabled.main+xml, workbookPr codeName)",
                                     "xl/vbaProject.bin (a real VBA project: ThisWorkbook document module + KamMacros standard module)"])],
                                 "vbaProject.bin is made by scripts/corpus/vba.py from [MS-OVBA] (ThisWorkbook + a KamMacros module, "
                                 "source only, no compiled cache), not by Excel; openpyxl writes the .xlsm around it (its keep_vba path). "
                                 "make.py checks LibreOffice reads the module source back.",
                                 vba=kam_vba_project())),
        ("libreoffice-features.xlsx", lo_from([kitchen_sink], [],
                                              "An openpyxl workbook with comments, validations, print settings, images, filters and a chart, "
                                              "opened and saved by LibreOffice: every part is LibreOffice's own rewrite.")),
        ("libreoffice-calccol.xlsx", lo_from([feat_calccol, feat_chart_sheet_data], [],
                                             "LibreOffice computes and caches the formula results, and writes the tables and structured references its own way.")),
        ("libreoffice-1904.xlsx", lo_from([feat_note_sheet("说明", "本工作簿使用 1904 日期系统", ["1904 date system"])], ["1904 date system as LibreOffice writes it (workbookPr date1904=\"true\", not \"1\")"],
                                          "1904 date system as LibreOffice writes it.", epoch1904=True)),
        ("libreoffice-pivot.xlsx", pivot),
        ("libreoffice-extlink.xlsx", lo_extlink),
        ("libreoffice-vba.xlsm", lo_vba),
        ("libreoffice-iso29500.xlsx", lo_iso),
    ]


FEATURE_PARTS = re.compile(
    r"^(xl/(charts|chartsheets|drawings|comments\d*|pivotTables|pivotCache|media|embeddings|printerSettings|"
    r"activeX|ctrlProps|threadedComments|persons|externalLinks|slicers|slicerCaches|queryTables|connections)\b.*"
    r"|xl/vbaProject\.bin|xl/comments.*|customXml/.*|docProps/custom\.xml|xl/calcChain\.xml)$")


def scan(path):
    """What the package holds, read back from its XML (so the manifest says what a writer
    really wrote, e.g. what LibreOffice kept of openpyxl's features)."""
    found = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        read = lambda n: z.read(n).decode("utf-8", "replace")  # noqa: E731
        wbxml = read("xl/workbook.xml")
        parts = sheet_parts(path)
        by_part = {v: k for k, v in parts.items()}
        per = {}
        for part, sheet in by_part.items():
            if part in names and "/worksheets/" in part:
                per[sheet] = read(part)
        tables = {n: read(n) for n in names if re.match(r"xl/tables/[^/]+\.xml$", n)}
    def sheets_with(pattern):
        return [sh for sh, x in per.items() if re.search(pattern, x)]
    def count(pattern):
        return sum(len(re.findall(pattern, x)) for x in per.values())
    kam = set(SHEET_OF.values())
    def where(sheets):
        k = [s for s in sheets if s in kam]
        o = [s for s in sheets if s not in kam]
        return "KAM sheets %s" % "、".join(k) if k and not o else "non-KAM sheets %s" % "、".join(o) if o and not k else \
            "KAM sheets %s; non-KAM sheets %s" % ("、".join(k), "、".join(o))
    if sheets_with(r"<(\w+:)?dataValidation\b"):
        found.append("dataValidation ×%d on %s" % (count(r"<(?:\w+:)?dataValidation\b"), where(sheets_with(r"<(\w+:)?dataValidation\b"))))
    if sheets_with(r"<conditionalFormatting\b"):
        found.append("conditionalFormatting ×%d on %s" % (count(r"<conditionalFormatting\b"), where(sheets_with(r"<conditionalFormatting\b"))))
    if sheets_with(r"<mergeCell\b"):
        found.append("mergeCell ×%d on %s" % (count(r"<mergeCell\b"), where(sheets_with(r"<mergeCell\b"))))
    if sheets_with(r"<brk\b"):
        found.append("manual page breaks ×%d on %s" % (count(r"<brk\b"), where(sheets_with(r"<brk\b"))))
    if sheets_with(r"<pane\b[^>]*state=\"frozen"):
        found.append("frozen panes on %s" % where(sheets_with(r"<pane\b[^>]*state=\"frozen")))
    if sheets_with(r"<row\b[^>]*hidden=\"(1|true)\""):
        found.append("hidden rows ×%d on %s" % (count(r"<row\b[^>]*hidden=\"(?:1|true)\""), where(sheets_with(r"<row\b[^>]*hidden=\"(1|true)\""))))
    if sheets_with(r"<autoFilter\b"):
        found.append("sheet autoFilter on %s%s" % (where(sheets_with(r"<autoFilter\b")),
                                                  " (with criteria)" if sheets_with(r"<autoFilter\b[^>]*>\s*<filterColumn") else ""))
    if sheets_with(r"<legacyDrawing\b"):
        found.append("legacyDrawing (VML) on %s" % where(sheets_with(r"<legacyDrawing\b")))
    if sheets_with(r"<drawing\b"):
        found.append("drawing on %s" % where(sheets_with(r"<drawing\b")))
    if sheets_with(r"<oleObject\b"):
        found.append("oleObject on %s" % where(sheets_with(r"<oleObject\b")))
    if sheets_with(r"<pageSetup\b[^>]*r:id="):
        found.append("pageSetup with printer settings (r:id) on %s" % where(sheets_with(r"<pageSetup\b[^>]*r:id=")))
    cached = count(r"</f><v>[^<]+</v>")
    formulas = count(r"<f\b")
    if formulas:
        found.append("formula cells ×%d, %d with a cached value" % (formulas, cached))
    if any(re.search(r"<f\b[^>]*>[^<]*\w\[", x) for x in per.values()):
        found.append("structured references in formulas")
    for n, x in sorted(tables.items()):
        name = re.search(r'displayName="([^"]+)"', x).group(1)
        bits = []
        if "<calculatedColumnFormula" in x:
            bits.append("calculatedColumnFormula")
        if re.search(r'totalsRowCount="[1-9]', x):
            bits.append("totals row" + (" with totalsRowFunction" if "totalsRowFunction=" in x else ""))
        if "<filterColumn" in x:
            bits.append("autoFilter criteria")
        if bits:
            found.append("table %s: %s" % (name, ", ".join(bits)))
    defined = re.findall(r'<definedName\b[^>]*name="([^"]+)"', wbxml)
    if defined:
        found.append("definedNames: " + ", ".join(sorted(set(defined))))
    for state in ("hidden", "veryHidden"):
        hs = [unescape(m) for m in re.findall(r'<sheet\b[^>]*name="([^"]+)"[^>]*state="%s"' % state, wbxml)]
        if hs:
            found.append("%s sheets: %s" % (state, "、".join(hs)))
    if re.search(r"<(\w+:)?sheet\b[^>]*>", wbxml) and any("chartsheet" in v for v in parts.values()):
        found.append("chart sheets: " + "、".join(k for k, v in parts.items() if "chartsheet" in v))
    if re.search(r'date1904="(1|true)"', wbxml):
        found.append("date1904")
    groups = [("charts", r"xl/charts/chart\d+\.xml$"), ("images", r"xl/media/"), ("comments parts", r"xl/comments[^/]*\.xml$|xl/comments/"),
              ("pivot tables", r"xl/pivotTables/[^/]+\.xml$"), ("pivot caches", r"xl/pivotCache/pivotCacheDefinition"),
              ("embeddings", r"xl/embeddings/"), ("external links", r"xl/externalLinks/[^/]+\.xml$"), ("printer settings", r"xl/printerSettings/"), ("customXml items", r"customXml/item\d+\.xml$")]
    for label, pat in groups:
        k = [n for n in names if re.search(pat, n)]
        if k:
            found.append("%s ×%d" % (label, len(k)))
    if "xl/vbaProject.bin" in names:
        found.append("vbaProject.bin")
    return found


def describe(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        wbxml = z.read("xl/workbook.xml").decode("utf-8")
        ct = z.read("[Content_Types].xml").decode("utf-8")
    sheets = [unescape(m.group(1)) for m in re.finditer(r'<(?:\w+:)?sheet\b[^>]*\bname="([^"]+)"', wbxml)]
    return {
        "sheets": sheets,
        "date1904": bool(re.search(r'date1904="(1|true)"', wbxml)),
        "macroEnabled": "macroEnabled.main+xml" in ct,
        "parts": len(names),
        "featureParts": sorted(n for n in names if FEATURE_PARTS.match(n) and not n.endswith(".rels")),
        "found": scan(path),
    }


def check_lo_reads_vba(xlsm, work):
    """LibreOffice opens the .xlsm and keeps the module's source: a check that vbaProject.bin
    is a VBA project a real reader understands."""
    ods = lo_convert(xlsm, os.path.join(work, "vba-check"), "ods", "ods")
    with zipfile.ZipFile(ods) as z:
        srcs = {n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.startswith("Basic/") and n.endswith(".xml")}
    return any("ShadeLostAccounts" in s for s in srcs.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--only", nargs="*", help="file names to rebuild (the manifest keeps the others' entries)")
    ap.add_argument("--keep-work", action="store_true", help="keep the temp folder of intermediate files")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    versions = {"openpyxl": openpyxl.__version__, "libreoffice": lo_version()}
    work = tempfile.mkdtemp(prefix="kam-corpus-")
    manifest_path = os.path.join(args.out, "MANIFEST.json")
    old = {}
    if os.path.exists(manifest_path):
        old = {e["file"]: e for e in json.load(open(manifest_path, encoding="utf-8"))["files"]}
    entries = []
    try:
        for name, build in corpus(work, versions):
            out = os.path.join(args.out, name)
            if args.only and name not in args.only:
                if name in old:
                    entries.append(old[name])
                continue
            writer, features, notes = build(out)
            d = describe(out)
            if name.endswith(".xlsm"):
                if not check_lo_reads_vba(out, work):
                    raise RuntimeError("LibreOffice does not find the VBA module source in " + name)
                notes += " Checked at generation: LibreOffice " + versions["libreoffice"] + " imports the KamMacros source from it."
            size = os.path.getsize(out)
            if size > 300 * 1024:
                raise RuntimeError("%s is %d bytes (> 300 KB)" % (name, size))
            entries.append({
                "file": name,
                "writer": writer,
                "features": features,
                "period": "2025Q4",
                "asOf": "2026-01-10",
                "expected": "../example-2025Q4.expected.json",
                "kamSheets": [t.sheet for t in KAM],
                "kamTables": {t.name: t.sheet for t in KAM},
                "sheets": d["sheets"],
                "date1904": d["date1904"],
                "macroEnabled": d["macroEnabled"],
                "featureParts": d["featureParts"],
                "found": d["found"],
                "bytes": size,
                "notes": notes,
            })
            print("%-28s %7d bytes  %s" % (name, size, writer))
    finally:
        if args.keep_work:
            print("work files kept in", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    manifest = {
        "about": "Workbooks written by other programs, each holding every KAM input table of ../example-2025Q4.xlsx "
                 "(same rows) plus real-world features; `kam kpi FILE --period 2025Q4 --as-of 2026-01-10 --json` must print "
                 "../example-2025Q4.expected.json for each. Rebuild: scripts/corpus/make.sh. See README.md.",
        "generator": "scripts/corpus/make.py",
        "versions": versions,
        "files": entries,
    }
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
