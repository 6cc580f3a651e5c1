#!/bin/sh
# Rebuild ARX core (src/main) with compile-only stubs for 3 jars missing from the snapshot, then run harness.
set -e
cd /tmp/arx/src
CP=$(find lib -name '*.jar' | grep -v -e swt -e eclipse -e nebula | sed 's|^|/tmp/arx/src/|' | tr '\n' ':')
find src/main -name '*.java' > /tmp/arx/sources.txt; find /tmp/arx/stubs -name '*.java' >> /tmp/arx/sources.txt
rm -rf /tmp/arx/build && mkdir /tmp/arx/build
javac -nowarn -encoding UTF-8 -d /tmp/arx/build -cp "$CP" @/tmp/arx/sources.txt
rm -rf /tmp/arx/build/org/apache            # stubs are compile-only
(cd src/main && find . -type f ! -name '*.java' -exec cp --parents {} /tmp/arx/build/ \;)
javac -d /tmp/arx/harness -cp "/tmp/arx/build:$CP" /tmp/arx/harness/AdultReference.java
java -Xmx6g -Darx.commit=$(git rev-parse HEAD) -cp "/tmp/arx/harness:/tmp/arx/build:$CP" AdultReference 2> /tmp/arx/out/run.log
python3 /tmp/arx/harness/verify.py /tmp/arx/out/adult-arx.json
