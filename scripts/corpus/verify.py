#!/usr/bin/python3
"""
Checks every workbook of the corpus (MANIFEST.json) with four readers and prints a table:

  xml       every .xml/.rels/.vml part is well-formed (xml.dom.minidom)
  openpyxl  openpyxl loads it and finds every KAM table by name on its sheet
  soffice   LibreOffice opens it (--convert-to csv, all sheets) and the 客户档案 CSV holds the rows
  exceljs   node_modules/exceljs loads it as is
  exceljs+mend  the same after the CLI's normalizePackage (dist/workbook/xlsx/normalize.js: needs
            `npm run build:cli`), i.e. what the CLI hands to ExcelJS today
  kam kpi   `node bin/kam.js kpi FILE --period 2025Q4 --as-of 2026-01-10 --json` exits 0 and
            prints ../example-2025Q4.expected.json (relative tolerance 1e-6)

    /usr/bin/python3 scripts/corpus/verify.py [--dir test/fixtures/corpus] [--cli bin/kam.js] [--json]

Exit code 0 whatever the results (it reports; the jest suites decide).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from xml.dom import minidom

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def check_xml(path):
    bad = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.endswith((".xml", ".rels", ".vml")):
                try:
                    minidom.parseString(z.read(n))
                except Exception as e:  # noqa: BLE001
                    bad.append("%s: %s" % (n, e))
    return (not bad), "; ".join(bad)[:200]


def check_openpyxl(path, entry):
    try:
        wb = openpyxl.load_workbook(path, keep_vba=path.endswith(".xlsm"))
    except Exception as e:  # noqa: BLE001
        return False, "%s: %s" % (type(e).__name__, e)
    missing = []
    for table, sheet in entry["kamTables"].items():
        if sheet not in wb.sheetnames or table not in wb[sheet].tables:
            missing.append(table)
    return (not missing), ("missing tables " + ",".join(missing)) if missing else ""


def check_soffice(path, work):
    out = os.path.join(work, os.path.basename(path) + ".csv.d")
    os.makedirs(out, exist_ok=True)
    cmd = ["soffice", "-env:UserInstallation=file:///tmp/lo-corpus", "--headless", "--norestore", "--convert-to",
           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, path]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    csvs = glob.glob(os.path.join(out, "*.csv"))
    if r.returncode != 0 or not csvs:
        return False, r.stdout.decode("utf-8", "replace")[-200:]
    cust = [c for c in csvs if c.endswith("-客户档案.csv")]
    if not cust or "示例客户01有限公司" not in open(cust[0], encoding="utf-8", errors="replace").read():
        return False, "客户档案 sheet not found in the CSV export"
    return True, "%d sheets" % len(csvs)


EXCELJS = r"""
const E = require('exceljs');
const fs = require('fs');
const mend = process.argv[2] === 'normalize' ? require('./dist/workbook/xlsx/normalize.js').normalizePackage : async (b) => b;
mend(fs.readFileSync(process.argv[1])).then((buf) => new E.Workbook().xlsx.load(buf))
  .then((wb) => { console.log(JSON.stringify({ ok: true, sheets: wb.worksheets.length, date1904: !!wb.properties.date1904 })); })
  .catch((e) => { console.log(JSON.stringify({ ok: false, error: String(e && e.message || e).split('\n')[0] })); });
"""


def check_exceljs(path, mode="raw"):
    r = subprocess.run(["node", "-e", EXCELJS, path, mode], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    try:
        res = json.loads(r.stdout.decode().strip().splitlines()[-1])
    except Exception:  # noqa: BLE001
        return False, r.stderr.decode()[-200:]
    if res["ok"]:
        return True, "%d sheets%s" % (res["sheets"], ", date1904" if res["date1904"] else "")
    return False, res["error"]


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


def compare(actual, expected):
    diffs = []
    got = {(r["staffId"], r["kpi"]): r for r in actual.get("results", [])}
    for r in expected["results"]:
        a = got.get((r["staffId"], r["kpi"]))
        if a is None:
            diffs.append("%s/%s missing" % (r["staffId"], r["kpi"]))
            continue
        for k in ("numerator", "denominator", "value"):
            if not close(r[k], a.get(k)):
                diffs.append("%s/%s %s %s≠%s" % (r["staffId"], r["kpi"], k, a.get(k), r[k]))
    scores = {s["staffId"]: s for s in actual.get("scores", [])}
    for s in expected["scores"]:
        a = scores.get(s["staffId"])
        if a is None or not close(s["total"], a.get("total")) or s["warning"] != a.get("warning"):
            diffs.append("score %s %s≠%s" % (s["staffId"], a and a.get("total"), s["total"]))
    return diffs


def check_kpi(path, entry, cli, corpus_dir):
    expected = json.load(open(os.path.join(corpus_dir, entry["expected"]), encoding="utf-8"))
    cmd = ["node", cli, "kpi", path, "--period", entry["period"], "--as-of", entry["asOf"], "--json"]
    r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if r.returncode != 0:
        first = (r.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[0]
        return False, "exit %d: %s" % (r.returncode, first[:160])
    diffs = compare(json.loads(r.stdout), expected)
    if diffs:
        return False, "exit 0 but %d values differ from the expected JSON, e.g. %s" % (len(diffs), diffs[0])
    return True, "matches expected"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=os.path.join(ROOT, "test", "fixtures", "corpus"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "bin", "kam.js"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    manifest = json.load(open(os.path.join(args.dir, "MANIFEST.json"), encoding="utf-8"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="kam-corpus-verify-") as work:
        for e in manifest["files"]:
            path = os.path.join(args.dir, e["file"])
            row = {"file": e["file"], "writer": e["writer"]}
            row["xml"] = check_xml(path)
            row["openpyxl"] = check_openpyxl(path, e)
            row["soffice"] = check_soffice(path, work)
            row["exceljs"] = check_exceljs(path)
            row["exceljs+mend"] = check_exceljs(path, "normalize")
            row["kpi"] = check_kpi(path, e, args.cli, args.dir)
            rows.append(row)
            if not args.json:
                keys = ("xml", "openpyxl", "soffice", "exceljs", "exceljs+mend", "kpi")
                print("%-26s " % e["file"] + " ".join("%s %-4s" % (k, "ok" if row[k][0] else "FAIL") for k in keys) + "  "
                      + " | ".join("%s: %s" % (k, row[k][1]) for k in keys if not row[k][0]))
                sys.stdout.flush()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
