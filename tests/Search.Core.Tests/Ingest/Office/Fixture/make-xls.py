#!/usr/bin/env python3
"""Writes stories.fods (a flat OpenDocument spreadsheet) from the seed articles; make-xls.sh has
LibreOffice save it as an Excel 97-2003 workbook. Sheet "Stories": the 2019 seeds (title, date as a
date value, body, url, and a word count as a number), the longest body among them, so the shared
strings run on over CONTINUE records; a word count made by a formula; a row without a title. Sheet
"Notes": no title or body column."""
import csv, html, os, sys
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(sys.argv[1], "wikinews_2019.csv"), encoding="utf-8")))[:40]
e = html.escape
def cell(text):
    return f'<table:table-cell office:value-type="string"><text:p>{e(text)}</text:p></table:table-cell>'
def date(iso):
    return f'<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>'
def number(n):
    return f'<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>'
out = ['<table:table table:name="Stories"><table:table-row>' + "".join(cell(h) for h in ["Title", "Date", "Body", "URL", "Words"]) + "</table:table-row>"]
for r in rows:
    out.append("<table:table-row>" + cell(r["title"]) + date(r["date"]) + cell(r["text"]) + cell(r["url"]) + number(len(r["text"].split())) + "</table:table-row>")
out.append("<table:table-row>" + cell("Ferry timetable") + date("2019-03-01") + cell("The old ferry keeps running every twenty minutes, the port said.") + cell("")
           + '<table:table-cell table:formula="of:=2+3" office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell></table:table-row>')
out.append("<table:table-row><table:table-cell/>" + date("2019-03-02") + "<table:table-cell/>" + cell("https://example.org/empty") + "</table:table-row>")
out.append("</table:table>")
out.append('<table:table table:name="Notes"><table:table-row>' + cell("Checked by") + cell("On") + "</table:table-row><table:table-row>" + cell("Desk") + date("2019-04-01") + "</table:table-row></table:table>")
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
{chr(10).join(out)}
</office:spreadsheet></office:body></office:document>
'''
open(os.path.join(here, "stories.fods"), "w", encoding="utf-8").write(doc)
