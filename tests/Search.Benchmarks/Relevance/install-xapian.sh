#!/bin/sh
# Installs the Xapian peer of the relevance benchmark: Debian's python3-xapian (Xapian 1.4) for the
# system Python (/usr/bin/python3; a pyenv or venv python3 on PATH does not see it).
set -e
if /usr/bin/python3 -c 'import xapian' 2>/dev/null; then exit 0; fi
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get install -y python3-xapian || { $SUDO apt-get update && $SUDO apt-get install -y python3-xapian; }
/usr/bin/python3 -c 'import xapian; print("xapian", xapian.version_string())'
