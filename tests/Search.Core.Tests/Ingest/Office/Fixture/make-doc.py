#!/usr/bin/env python3
"""Writes wire.fodt (a flat OpenDocument text) from a seed article; make-doc.sh has LibreOffice save it as Word 97-2003."""
import csv, html, os, sys
here = os.path.dirname(os.path.abspath(__file__))
seeds = sys.argv[1]
article = next(a for a in csv.DictReader(open(os.path.join(seeds, "wikinews_2020.csv"), encoding="utf-8"))
               if a["title"] == "First foreigners die from coronavirus in Wuhan, China")
paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
e = html.escape
body = [f'<text:p text:style-name="Title">{e(article["title"])}</text:p>']
first, rest = paragraphs[0], paragraphs[1:]
body.append(f'<text:p text:style-name="Text_20_body">{e(first)}<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
            f'<text:note-body><text:p text:style-name="Footnote">Footnote text that is not part of the story.</text:p></text:note-body></text:note></text:p>')
for p in rest:
    body.append(f'<text:p text:style-name="Text_20_body">{e(p)}</text:p>')
body.append('<table:table table:name="Facts"><table:table-column table:number-columns-repeated="2"/>'
            '<table:table-row><table:table-cell office:value-type="string"><text:p>City</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>Wuhan (武汉), Hubei</text:p></table:table-cell></table:table-row>'
            '<table:table-row><table:table-cell office:value-type="string"><text:p>Reported by</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>Gazeta Wyborcza, Łódź</text:p></table:table-cell></table:table-row></table:table>')
body.append(f'<text:p text:style-name="Text_20_body">Source: <text:a xlink:type="simple" xlink:href="{e(article["url"])}">Wikinews</text:a></text:p>')
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{e(article["title"])}</dc:title><meta:initial-creator>Anna Nowak</meta:initial-creator><dc:creator>Anna Nowak</dc:creator></office:meta>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
'''
open(os.path.join(here, "wire.fodt"), "w", encoding="utf-8").write(doc)
