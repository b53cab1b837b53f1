#!/bin/sh
# Regenerates bridge.odt from bridge.rst with docutils' OpenDocument writer (rst2odt).
cd "$(dirname "$0")" && python3 -m docutils --writer=odt bridge.rst bridge.odt
