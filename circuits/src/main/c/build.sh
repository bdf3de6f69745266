#!/bin/sh
# Compiles the native kernels (MSM buckets, FFT butterflies: bn254_msm.c includes bn254_fft.c) into the class-path
# directory NativeMsm loads from
# (native/linux-<machine>/), for the Maven profile "native-msm" in circuits/pom.xml. Without it, MSM runs in Java.
# Usage: build.sh <JDK home> <classes directory>. No -march=native: the library must run on any x86-64/arm64 CPU.
set -eu
jdk_home="$1"
classes="$2"
source_dir="$(dirname "$0")"
if [ "$(uname -s)" != "Linux" ]; then
    echo "native MSM: not built on $(uname -s), the Java implementation will be used"
    exit 0
fi
out_dir="$classes/native/linux-$(uname -m)"
library="$out_dir/libobsidian_msm.so"
if [ -f "$library" ] && [ "$library" -nt "$source_dir/bn254_msm.c" ] && [ "$library" -nt "$source_dir/bn254_curve.h" ] && [ "$library" -nt "$source_dir/bn254_fft.c" ]; then
    exit 0
fi
mkdir -p "$out_dir"
${CC:-gcc} -O3 -fPIC -shared -fvisibility=hidden -Wall -Wextra \
    -I"$jdk_home/include" -I"$jdk_home/include/linux" \
    -o "$library" "$source_dir/bn254_msm.c"
echo "built $library"
