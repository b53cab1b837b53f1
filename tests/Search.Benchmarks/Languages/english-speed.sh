#!/bin/bash
# English build time before (cf95aa2) and after (languages branch), interleaved, same machine and run.
# Usage: english-speed.sh CORPUS BASE_SEARCH OURS_SEARCH
#   BASE_SEARCH: the search program built from the commit before (git archive cf95aa2 | tar -x -C /tmp/base;
#   dotnet build /tmp/base/src/Search.Cli -c Release); OURS_SEARCH: this checkout's.
CORPUS=${1:?corpus}
BASE=${2:?search program before}
OURS=${3:?search program after}
for i in 1 2 3; do
  for who in base ours; do
    bin=$BASE; [ $who = ours ] && bin=$OURS
    rm -rf /tmp/lang-speed-idx
    s=$(date +%s.%N)
    $bin index "$CORPUS" --index /tmp/lang-speed-idx --quiet >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$who run$i $(echo "$e - $s" | bc)"
  done
done
