#!/usr/bin/env bash
# Rebuilds the APK fixtures from their sources, with real tools: Debian's aapt compiles each AndroidManifest.xml to
# binary XML against the framework resources (packages aapt, android-framework-res) and packages the APK; the dex
# is written by dexlib2 (DexFixtureWriter, test scope) with the classes listed in classes.txt. The APKs are
# committed, so the tests need none of these tools. Run from the repository root after ./mvnw test-compile.
set -euo pipefail
here=src/test/resources/apk
framework=/usr/share/android-framework-res/framework-res.apk
command -v aapt >/dev/null && [ -f "$framework" ] || { echo "needs: apt-get install -y aapt android-framework-res" >&2; exit 2; }
cp=$(mktemp); ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
for dir in "$here"/*/; do
    name=$(basename "$dir"); work=$(mktemp -d)
    java -cp "target/test-classes:$(cat "$cp")" dev.policygate.app.DexFixtureWriter "$work/classes.dex" $(cat "$dir/classes.txt")
    aapt package -f -M "$dir/AndroidManifest.xml" -I "$framework" -F "$work/app.apk"
    (cd "$work" && aapt add -v app.apk classes.dex >/dev/null)
    cp "$work/app.apk" "$here/$name.apk"; rm -rf "$work"
    echo "$here/$name.apk"
done
rm -f "$cp"
