#!/bin/sh
# Regenerates the Word 97-2003 fixtures with LibreOffice (Debian's libreoffice-writer-nogui):
# bridge.doc from bridge.odt, wire.doc from a seed article (make-doc.py writes wire.fodt), and
# changes.doc (a tracked deletion and hidden text) from changes.fodt.
set -e
cd "$(dirname "$0")"
python3 make-doc.py ../../../../../seeds
soffice --headless --convert-to doc bridge.odt wire.fodt changes.fodt
rm wire.fodt
