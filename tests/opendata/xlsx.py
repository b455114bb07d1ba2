#!/usr/bin/python3
"""Reads every spreadsheet of the open data back with openpyxl (issue 19) and checks it
against the CSV of the same address: the same header (the field names), the same number
of rows, and every cell the CSV's value in its type: whole numbers as numbers,
percentages as numbers shown "0%" (45 in the CSV is 0.45), booleans as booleans,
complete dates and UTC times as dates, everything else as the CSV's text (without its
formula apostrophe).  Also: the frozen header, the column widths, the sheet of columns
in the address's language, Accept, the attachment's name, and /data/all.xlsx (every bulk
table a sheet).  Usage: xlsx.py BASE_URL DB_PATH BUILD_DIR (tests/opendata/run.sh)."""
import csv
import io
import json
import sys
import urllib.request

import openpyxl  # Debian's python3-openpyxl: run.sh runs this with /usr/bin/python3

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASE = sys.argv[1].rstrip("/")
N = 0
FAILED = 0
# The type names of the sheet of columns (English), as datadict_fields.c words them.
INT, PCT, BOOL, DATE, TIME = ("whole number", "percentage 0–100 or null",
                              "boolean (true/false)", "ISO 8601 date", "ISO 8601 UTC time")


def ok(cond, what, detail=""):
    global N, FAILED
    N += 1
    if cond:
        print(f"ok {N} - {what}")
    else:
        FAILED += 1
        print(f"not ok {N} - {what}")
        if detail:
            for line in str(detail).splitlines()[:10]:
                print(f"# {line}")
    return cond


def get(path, accept=None):
    req = urllib.request.Request(BASE + path, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.status, r.headers, r.read()


def book(data):
    return openpyxl.load_workbook(io.BytesIO(data))


PT_TYPES = {"número inteiro": INT, "percentagem 0–100 ou null": PCT,
            "booleano (true/false)": BOOL, "data ISO 8601": DATE, "hora UTC ISO 8601": TIME}


def types_of(wb):
    """{(sheet, field): English type name} from the sheet of columns (the last one)."""
    out = {}
    for r in list(wb.worksheets[-1].iter_rows(values_only=True))[1:]:
        if r and r[0] and r[1] and r[2]:
            out[(r[0], r[1])] = PT_TYPES.get(r[2], r[2])
    return out


def cell_problem(v, text, t):
    """None when the cell v is the CSV's text in its type t, else what is wrong."""
    if text == "":
        return None if v is None else f"{v!r} for an empty CSV field"
    if t == BOOL:
        return None if isinstance(v, bool) and str(v).lower() == text else f"{v!r} not boolean {text}"
    if t == PCT:
        return None if isinstance(v, (int, float)) and round(v * 100) == int(text) else f"{v!r} not {text}%"
    if t == INT:
        return None if isinstance(v, (int, float)) and not isinstance(v, bool) and v == int(text) else f"{v!r} not number {text}"
    if t == DATE and len(text) == 10:
        return None if hasattr(v, "strftime") and v.strftime("%Y-%m-%d") == text else f"{v!r} not date {text}"
    if t == TIME:
        return None if hasattr(v, "strftime") and v.strftime("%Y-%m-%dT%H:%M:%SZ") == text else f"{v!r} not time {text}"
    if isinstance(v, str) and (v == text or "'" + v == text):
        return None
    return f"{v!r} not text {text!r}"


def compare(path, ws, types, sheet):
    """Checks sheet ws against the CSV of path."""
    _, _, body = get(path + ".csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    got = [list(r) for r in ws.iter_rows(values_only=True)]
    header = [h for h in got[0]] if got else []
    ok(header == rows[0], f"{path}.xlsx: the header is the CSV's", f"{header}\n{rows[0]}")
    ok(len(got) == len(rows), f"{path}.xlsx: {len(rows) - 1} rows as in the CSV", f"{len(got) - 1} rows")
    bad = []
    for i, (g, c) in enumerate(zip(got[1:], rows[1:]), start=2):
        g = list(g) + [None] * (len(c) - len(g))
        for j, name in enumerate(rows[0]):
            p = cell_problem(g[j], c[j], types.get((sheet, name)))
            if p:
                bad.append(f"row {i} {name}: {p}")
    ok(not bad, f"{path}.xlsx: every cell is the CSV's value in its type", "\n".join(bad))
    ok(ws.freeze_panes == "A2", f"{path}.xlsx: the header row is frozen", ws.freeze_panes)
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(j + 1)].width for j in range(len(rows[0]))]
    ok(all(w and 6 <= w <= 61 for w in widths), f"{path}.xlsx: every column has a width", widths)


def check(path):
    """The workbook of path against its CSV."""
    st, hd, body = get(path + ".xlsx")
    ok(st == 200 and hd.get("Content-Type") == XLSX, f"{path}.xlsx answers {XLSX}", hd.get("Content-Type"))
    wb = book(body)
    ok(len(wb.sheetnames) == 2 and wb.sheetnames[-1] in ("Fields", "Campos"),
       f"{path}.xlsx: a sheet of data and one that explains the columns", wb.sheetnames)
    sheet = wb.sheetnames[0]
    compare(path, wb[sheet], types_of(wb), sheet)
    return wb


def main():
    _, _, b = get("/en/plans.json")
    plans = json.loads(b)["records"]
    plan = plans[0]["plan_number"]
    cms = json.loads(get(f"/en/plans/{plan}.json")[2])["record"]["commitments"]
    ogp = cms[0]["ogp_id"]
    slug = json.loads(get("/en/network.json")[2])["records"][0]["slug"]
    ev = json.loads(get("/en/events.json")[2])["records"][0]["event_id"]
    ks = json.loads(get("/en/consultations.json")[2])["records"]
    pages = ["/en/plans", f"/en/plans/{plan}", "/en/commitments", f"/en/commitments/{ogp}",
             "/en/network", f"/en/members/{slug}", "/en/events", f"/en/events/{ev}",
             "/en/consultations"]
    if ks:
        pages.append(f"/en/consultations/{ks[0]['consultation_id']}")
    for p in pages:
        check(p)
    wb = check("/en/plans")
    ok(wb.sheetnames[-1] == "Fields" and wb["Fields"]["A1"].value == "Sheet" and
       wb["Fields"]["B1"].value == "Field", "the sheet of columns speaks English on an English address")
    # Every bulk table, and all of them in one workbook.
    st, hd, body = get("/data/all.xlsx")
    ok(st == 200 and 'filename="all.xlsx"' in hd.get("Content-Disposition", ""),
       "/data/all.xlsx is an attachment named all.xlsx", hd.get("Content-Disposition"))
    allwb = book(body)
    names = allwb.sheetnames
    ok(len(names) > 10 and names[-1] in ("Campos", "Fields"),
       f"/data/all.xlsx has a sheet per bulk table ({len(names) - 1}) and the columns", names)
    types = types_of(allwb)
    for name in names[:-1]:
        check(f"/data/{name}")
        compare(f"/data/{name}", allwb[name], types, name)
    # The language, Accept and a search.
    pt = book(get("/pt/plans.xlsx")[2])
    ok(pt.sheetnames[-1] == "Campos" and pt["Campos"]["B1"].value == "Campo",
       "the sheet of columns speaks Portuguese on a Portuguese address", pt.sheetnames)
    st, hd, body = get("/pt/plans", XLSX)
    ok(st == 200 and hd.get("Content-Type") == XLSX and book(body).sheetnames[0] == "plans",
       "Accept: the spreadsheet media type on /pt/plans gets the workbook", hd.get("Content-Type"))
    st, hd, _ = get("/pt/plans")
    ok(hd.get("Content-Type", "").startswith("text/html"), "without Accept, /pt/plans is the page")
    st, hd, body = get("/en/search.xlsx?q=dados")
    if st == 200 and hd.get("Content-Type") == XLSX:
        wb = book(body)
        _, _, c = get("/en/search.csv?q=dados")
        n = len(list(csv.reader(io.StringIO(c.decode("utf-8"), newline=""))))
        ok(wb.worksheets[0].max_row == n, "the search's workbook has the CSV's rows", f"{wb.worksheets[0].max_row} vs {n}")
    else:
        ok(False, "/en/search.xlsx?q=dados answers a workbook", f"{st} {hd.get('Content-Type')}")
    print(f"1..{N}")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
