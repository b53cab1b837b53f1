#!/bin/sh
# Regenerates crawl.warc.gz: wget archives the small site site.py serves (from seeds/).
set -e
cd "$(dirname "$0")"
python3 site.py 8765 & server=$!
trap 'kill $server' EXIT
sleep 1
rm -rf crawl.warc.gz www
wget -q -r -l 2 -P www --warc-file=crawl --no-warc-keep-log --header="Accept-Encoding: gzip" http://127.0.0.1:8765/ || true
rm -rf www
