"""Bench helper: another writer's copy of a workbook, and a copy with formulas for LibreOffice.

  python3 bench/openpyxl_copy.py SRC DST            # openpyxl loads SRC and writes DST
  python3 bench/openpyxl_copy.py SRC DST --formulas # ... plus a first sheet of 400 COUNTIFS/SUMIFS
                                                    # over the visit and contract tables, no cached values
"""
import sys
from openpyxl import load_workbook

src, dst = sys.argv[1], sys.argv[2]
wb = load_workbook(src)
if '--formulas' in sys.argv:
    def column(ws, header):
        for cell in ws[1]:
            if cell.value == header:
                return cell.column_letter
        raise SystemExit(f'no column {header} on {ws.title}')
    visits, contracts = wb['拜访记录'], wb['合同']
    v_staff, v_status = column(visits, '员工编号'), column(visits, '状态')
    c_staff, c_amount = column(contracts, '员工编号'), column(contracts, '合同金额（万元）')
    staff = [r[0] for r in wb['员工'].iter_rows(min_row=2, values_only=True) if r[0]]
    sheet = wb.create_sheet('公式', 0)
    n = 0
    while n < 400:
        for s in staff:
            if n >= 400:
                break
            row = n // 4 + 1
            sheet.cell(row, 1, s)
            sheet.cell(row, 2, f'=COUNTIFS(拜访记录!${v_staff}:${v_staff},A{row},拜访记录!${v_status}:${v_status},"已完成")')
            sheet.cell(row, 3, f'=COUNTIFS(拜访记录!${v_staff}:${v_staff},A{row})')
            sheet.cell(row, 4, f'=SUMIFS(合同!${c_amount}:${c_amount},合同!${c_staff}:${c_staff},A{row})')
            sheet.cell(row, 5, f'=COUNTIFS(合同!${c_staff}:${c_staff},A{row})')
            n += 4
    wb.active = 0
wb.save(dst)
