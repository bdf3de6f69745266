#!/bin/sh
# Compiles the native Poseidon2 permutation into the class-path directory the loader reads
# (native/linux-<machine>/), for the Maven profile "native-poseidon2" in crypto/pom.xml.
# Usage: build.sh <JDK home> <classes directory>
# No -march=native: the library must run on any CPU of this architecture.
set -eu
jdk_home="$1"
classes="$2"
source_dir="$(dirname "$0")"
if [ "$(uname -s)" != "Linux" ]; then
    # the loader only looks for linux-<machine> libraries; elsewhere Poseidon2 runs in Java
    echo "native Poseidon2: not built on $(uname -s), the Java implementation will be used"
    exit 0
fi
out_dir="$classes/native/linux-$(uname -m)"
library="$out_dir/libobsidian_poseidon2.so"
if [ -f "$library" ] && [ "$library" -nt "$source_dir/poseidon2_native.c" ]; then
    exit 0
fi
mkdir -p "$out_dir"
${CC:-gcc} -O3 -fPIC -shared -fvisibility=hidden -Wall -Wextra \
    -I"$jdk_home/include" -I"$jdk_home/include/linux" \
    -o "$library" "$source_dir/poseidon2_native.c"
echo "built $library"
