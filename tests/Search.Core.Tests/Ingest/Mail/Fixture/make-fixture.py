#!/usr/bin/env python3
"""Writes leak.eml and tips.mbox: messages as a mail program writes them (Python's email package),
with attachments whose text is Wikinews articles from seeds/wikinews_2020.csv (see NOTICE.md).
Run: python3 make-fixture.py (it writes beside itself)"""
import csv, io, mailbox, os, textwrap, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
SEEDS = os.path.join(HERE, "../../../../../seeds/wikinews_2020.csv")
ROWS = {row["title"]: row for row in csv.DictReader(open(SEEDS, encoding="utf-8"))}
SAMOA = ROWS["Samoan government ends state of emergency over measles outbreak"]
SOLEIMANI = ROWS["United States military kills Qasem Soleimani"]
MATOVIC = ROWS["Prime Minister of Slovakia Igor Matovič tests positive for COVID-19"]


def paragraphs(row, count):
    return [p.strip() for p in row["text"].split("\n") if p.strip()][:count]


def pdf(title, paras, author):
    """A one-page PDF as a word processor prints it: Helvetica text, a bold title, the paragraphs
    wrapped at 90 characters, the Info dictionary naming its author."""
    def escape(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops = ["BT", "/F2 16 Tf", "50 790 Td", f"({escape(title)}) Tj", "/F1 10 Tf", "14 TL", "T*", "T*"]
    for p in paras:
        for line in textwrap.wrap(p, 90):
            ops.append(f"({escape(line)}) '")
        ops.append("T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({escape(title)}) /Author ({escape(author)}) /CreationDate (D:20200105090000Z) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx(title, paras, creator):
    """A Word document with the parts Word writes: content types, relationships, the document
    (a Title-styled heading, then the paragraphs) and the core properties."""
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{esc(title)}</w:t></w:r></w:p>'
    body += "".join(f'<w:p><w:r><w:t xml:space="preserve">{esc(p)}</w:t></w:r></w:p>' for p in paras)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {w}><w:body>{body}</w:body></w:document>')
        z.writestr("docProps/core.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{esc(creator)}</dc:creator></cp:coreProperties>')
    return buffer.getvalue()


def message(sender, subject, when, text=None):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "Newsdesk <newsdesk@coastal-times.example>"
    if subject is not None:
        m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{when:%Y%m%d%H%M%S}.{sender.split('@')[0].split('<')[-1]}@mail.example>"
    if text is not None:
        m.set_content(text)
    return m


cet = timezone(timedelta(hours=1))

# A press officer sends a report (PDF), a statement (Word), a note with an accented name
# (RFC 2231), a photo, and forwards a colleague's message that carries a CSV of stories.
leak = message('"Ana Lealaiauloto" <press@health.gov.example>', "Measles: the report and our statement",
               datetime(2020, 1, 6, 10, 15, tzinfo=cet),
               "Dear newsdesk,\n\nplease find attached the final report on the measles outbreak and the ministry's statement.\n\nKind regards,\nAna\n")
leak.add_attachment(pdf(SAMOA["title"], paragraphs(SAMOA, 3), "Disease Surveillance Team"), maintype="application", subtype="pdf", filename="measles report.pdf")
leak.add_attachment(docx("Statement on the end of the state of emergency", paragraphs(SAMOA, 6)[3:6], "Ana Lealaiauloto"),
                    maintype="application", subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="statement.docx")
leak.add_attachment("Notes from the press briefing.\n\n" + paragraphs(SAMOA, 7)[6] + "\n", filename="résumé des notes.txt")
leak.add_attachment(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"), maintype="image", subtype="png", filename="photo.png")
forwarded = message("Desk <desk@health.gov.example>", "Fwd: this week's stories", datetime(2020, 1, 5, 18, 0, tzinfo=cet), "The stories, as promised.\n")
stories = io.StringIO()
table = csv.writer(stories, lineterminator="\n")
table.writerow(["url", "date", "title", "text"])
for row in (SOLEIMANI, MATOVIC):
    table.writerow([row["url"], row["date"], row["title"], "\n\n".join(paragraphs(row, 2))])
forwarded.add_attachment(stories.getvalue(), subtype="csv", filename="stories.csv")
leak.add_attachment(forwarded)  # message/rfc822, named by nothing: read as "Fwd  this week's stories.eml"
with open("leak.eml", "wb") as f:
    f.write(leak.as_bytes())

# A mailbox: a tip that is only a document (no subject, no text), then a newsletter whose
# story comes as an HTML page.
box = mailbox.mbox("tips.mbox", create=True)
box.lock()
box.clear()
tip = message("tipster@mail.example", None, datetime(2020, 1, 3, 23, 40, tzinfo=timezone.utc))
tip.make_mixed()
tip.add_attachment(pdf(SOLEIMANI["title"], paragraphs(SOLEIMANI, 2), "Unknown"), maintype="application", subtype="pdf", filename="soleimani.pdf")
box.add(tip)
letter = message("The Brief <brief@news.example>", "Evening brief", datetime(2020, 10, 2, 19, 0, tzinfo=timezone.utc),
                 "Tonight: one story, attached as a page.\n")
page = f"<html><head><title>{MATOVIC['title']}</title></head><body><article><h1>{MATOVIC['title']}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs(MATOVIC, 3)) + "</article></body></html>"
letter.add_attachment(page, subtype="html", filename="story.html")
box.add(letter)
box.flush()
box.unlock()
