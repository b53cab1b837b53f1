#!/bin/sh
# Regenerates stories.xls with LibreOffice (Debian's libreoffice-calc-nogui) from the seed articles
# (make-xls.py writes stories.fods).
set -e
cd "$(dirname "$0")"
python3 make-xls.py ../../../../../seeds
soffice --headless --convert-to xls stories.fods
rm stories.fods
