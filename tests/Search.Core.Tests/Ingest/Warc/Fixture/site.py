"""Serves a small news site from the Wikinews seed articles for wget to archive (make-crawl.sh).

Pages as servers send them: one plain, one chunked and gzipped, one in Windows-1250 declared only
in the HTTP header, a front page of links (not an article), a redirect, a stylesheet, an image and
a missing page.
"""
import csv, gzip, html, os, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEEDS = os.path.join(os.path.dirname(__file__), "../../../../../seeds/wikinews_2020.csv")
rows = list(csv.DictReader(open(SEEDS, encoding="utf-8")))
ARTICLES = {"/2020/01/samoa-measles.html": rows[0], "/2020/01/soleimani.html": rows[1], "/2020/10/matovic.html": rows[120]}

def page(path, row, meta_charset=True):
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in row["text"].split("\n") if p.strip())
    charset = '<meta charset="utf-8">' if meta_charset else ""
    return f"""<!DOCTYPE html><html lang="en"><head>{charset}<title>{html.escape(row['title'])} - Example News</title>
<meta property="og:title" content="{html.escape(row['title'])}">
<meta property="article:published_time" content="{row['date']}T09:00:00Z">
<meta name="author" content="Wikinews contributors"><link rel="stylesheet" href="/style.css"></head>
<body><nav><a href="/">Home</a> <a href="/missing.html">World</a></nav><img src="/logo.png" alt="logo">
<article><h1>{html.escape(row['title'])}</h1>{paras}</article><footer>Example News, CC BY 2.5 Wikinews</footer></body></html>"""

FRONT = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Example News</title></head><body><ul>" + "".join(
    f"<li><a href='{p}'>{html.escape(r['title'])}</a></li>" for p, r in ARTICLES.items()) + "<li><a href='/old/samoa'>Samoa (old link)</a></li></ul></body></html>"

class Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, status, ctype, body, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers: self.send_header(k, v)
        if ("Transfer-Encoding", "chunked") not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if ("Transfer-Encoding", "chunked") in headers:
            for i in range(0, len(body), 700):
                chunk = body[i:i + 700]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p == "/": return self.send(200, "text/html; charset=utf-8", FRONT.encode())
        if p == "/old/samoa": return self.send(301, "text/html", b"moved", [("Location", "/2020/01/samoa-measles.html")])
        if p == "/style.css": return self.send(200, "text/css", b"body{font-family:serif}")
        if p == "/logo.png": return self.send(200, "image/png", bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(40))
        if p == "/2020/01/samoa-measles.html": return self.send(200, "text/html; charset=utf-8", page(p, ARTICLES[p]).encode())
        if p == "/2020/01/soleimani.html":
            return self.send(200, "text/html; charset=utf-8", gzip.compress(page(p, ARTICLES[p]).encode(), mtime=0),
                             [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")])
        if p == "/2020/10/matovic.html":
            return self.send(200, "text/html; charset=windows-1250", page(p, ARTICLES[p], meta_charset=False).encode("cp1250", errors="xmlcharrefreplace"))
        return self.send(404, "text/html", b"<html><body>Not found</body></html>")

if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Site)
    server.serve_forever()
