#!/usr/bin/env python3
"""Writes the Safari web archives the tests read, with Python's own binary property-list writer
(plistlib, FMT_BINARY), laid out as Safari lays out a page it saves: WebMainResource (the page's
bytes, MIME type, charset and address), WebSubresources (its images) and WebSubframeArchives (its
frames, each a web archive of its own). Run from this folder: python3 make-webarchive.py"""
import csv, html, plistlib, zlib, struct, os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../..")

def seed(title):
    with open(os.path.join(ROOT, "seeds/wikinews_2019.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["title"] == title:
                return row
    raise SystemExit("no seed titled " + title)

def png():
    raw = b"".join(b"\x00" + bytes([(x * 7 + y) % 256 for x in range(64)]) * 3 for y in range(48))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 48, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

def page(title, paragraphs, head=""):
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{head}<title>{html.escape(title)} - Wikinews, the free news source</title></head>"
            f"<body><div id=\"mw-navigation\"><a href=\"/wiki/Main_Page\">Main page</a> <a href=\"/wiki/Special:Random\">Random article</a></div>"
            f"<div id=\"content\"><h1 id=\"firstHeading\">{html.escape(title)}</h1><img src=\"https://upload.wikimedia.org/map.png\">"
            f"<iframe src=\"https://ads.example.net/frame.html\"></iframe>{body}</div></body></html>")

def archive(name, markup, encoding, charset, url):
    frame = {"WebMainResource": {"WebResourceData": b"<html><body><p>Advertisement</p></body></html>",
                                 "WebResourceFrameName": "ad", "WebResourceMIMEType": "text/html",
                                 "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": "https://ads.example.net/frame.html"}}
    plist = {"WebMainResource": {"WebResourceData": markup.encode(encoding), "WebResourceFrameName": "",
                                 "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": charset, "WebResourceURL": url},
             "WebSubresources": [{"WebResourceData": png(), "WebResourceMIMEType": "image/png",
                                  "WebResourceURL": "https://upload.wikimedia.org/map.png"}],
             "WebSubframeArchives": [frame]}
    with open(name, "wb") as f:
        plistlib.dump(plist, f, fmt=plistlib.FMT_BINARY)

row = seed("Polish leader Jaroslaw Kaczynski promises stricter punishments for child abusers")
paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()][1:]
archive("kaczynski.webarchive", page(row["title"], paragraphs), "utf-8", "UTF-8", row["url"].replace("org//wiki", "org/wiki"))
# A page in Windows-1252 that does not say so: Safari's charset is the only word on it.
archive("cafe.webarchive", page("Café owners in Kraków protest over rents", [
    "Café owners in Kraków's Old Town closed their doors for an hour on Thursday in protest at rents they say have doubled since 2017.",
    "\u201cWe cannot pay €9,000 a month for forty square metres,\u201d said Zofia Nowak, who has run a café on the square for twenty years.",
    "The city council said it would discuss the owners' demands at its next session, but that most of the buildings are privately owned.",
]), "windows-1252", "windows-1252", "https://example.org/2019/10/krakow-cafes")
# An image opened on its own and saved: the archive's main resource is no page.
with open("photo.webarchive", "wb") as f:
    plistlib.dump({"WebMainResource": {"WebResourceData": png(), "WebResourceMIMEType": "image/png",
                                       "WebResourceURL": "https://upload.wikimedia.org/map.png"}}, f, fmt=plistlib.FMT_BINARY)
