#!/usr/bin/env bash
# Prints a digest of every input of the bindings' jar (generated and hand-written Kotlin, the pom):
# test.sh records it after `mvn install`, and examples/demo.sh installs the jar again only when it
# differs (generate.sh rewrites the generated sources every time, so their dates say nothing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cat "$here/pom.xml" "$here"/src/main/kotlin/com/infobip/sdk/*.kt \
  "$here"/../generated/kotlin/com/infobip/sdk/*.kt "$here"/../generated/kotlin/com/infobip/sdk/*/*.kt | cksum
