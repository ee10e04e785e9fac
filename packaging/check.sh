#!/usr/bin/env bash
# Checks what every package shares: the licence files (each package directory holds the root's
# LICENSE-MIT and LICENSE-APACHE, byte for byte) and the one version (Cargo.toml's, also written
# in the npm and Maven manifests).
set -euo pipefail
pkg=packaging
# shellcheck source=packaging/common.sh
source "$(dirname "$0")/common.sh"
cd "$root"

failed=0
fail() { echo "packaging check: $*" >&2; failed=1; }

for dir in spec core emulator cli bindings-python bindings-node; do
  for file in LICENSE-MIT LICENSE-APACHE; do
    cmp -s "$file" "$dir/$file" || fail "$dir/$file differs from ./$file (cp $file $dir/)"
  done
done

[ -n "$version" ] || fail "no version in Cargo.toml's [workspace.package]"
for dep in infobip-spec infobip infobip-emulator; do
  dep_version="$(sed -n "s/^$dep = { path = \"[a-z]*\", version = \"\([^\"]*\)\"[, a-z=-]* }$/\1/p" Cargo.toml)"
  [ "$dep_version" = "$version" ] || fail "Cargo.toml: [workspace.dependencies] $dep has version '$dep_version', the workspace $version"
done
json_version() { node -p "require('./$1').version"; }
for manifest in bindings-node/package.json bindings-node/npm/*/package.json; do
  [ "$(json_version "$manifest")" = "$version" ] || fail "$manifest: version $(json_version "$manifest"), Cargo.toml: $version"
done
pom_version="$(sed -n '0,/<version>/s|^  <version>\(.*\)</version>$|\1|p' bindings-uniffi/kotlin/pom.xml)"
[ "$pom_version" = "$version" ] || fail "bindings-uniffi/kotlin/pom.xml: version $pom_version, Cargo.toml: $version"
example_version="$(sed -n 's|^ *<infobip.version>\(.*\)</infobip.version>$|\1|p' examples/kotlin/pom.xml)"
[ "$example_version" = "$version" ] || fail "examples/kotlin/pom.xml: infobip.version $example_version, Cargo.toml: $version"

[ "$failed" = 0 ] || exit 1
echo "packaging check: licence files and versions agree ($version)"
