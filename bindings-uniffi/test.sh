#!/usr/bin/env bash
# The Kotlin/Swift bindings' whole test: build, generate, check, run. Needs only Rust, Python 3
# with pip (PyPI), Java 17 and Maven (Maven Central); everything else is installed here in
# gitignored places (bindings-uniffi/.venv, ~/.m2).
#
#   bindings-uniffi/test.sh
#
# 1. cargo test + clippy of the binding crates
# 2. packaging/kotlin.sh: builds the library (debug, the way the jar ships it), generates Kotlin
#    and Swift from it (uniffi's sources and every product's typed layer, infobip-codegen), and
#    `mvn install`s the jar com.infobip:infobip-sdk-kotlin, whose JUnit 5 suite runs first against
#    the emulator, loading the library from the classes as JNA does from the jar
# 3. Swift: syntax check of the generated sources (uniffi's and every product's typed layer), the
#    hand-written runtime and Package.swift (as developed and as the release stamps it) with
#    tree-sitter-swift, and proof that the check fails on a broken file
# 4. the typed operations of each language, counted in the generated sources (count_typed.py)
# 5. examples/kotlin, depending on the installed artifact, against the emulator
#    (examples/demo.sh kotlin: the WhatsApp + Email example, and the SMS demo)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
step() { printf '\n== uniffi: %s\n' "$*"; }

step "cargo clippy + test (infobip-uniffi, uniffi-bindgen)"
cargo clippy --locked -p infobip-uniffi -p uniffi-bindgen --all-targets -- -D warnings
cargo test --locked -p infobip-uniffi

step "build the emulator; the library, the generated sources and the Kotlin jar (mvn install runs the JUnit suite)"
cargo build --locked -p infobip-emulator
INFOBIP_EMULATOR_BIN="$target_dir/debug/infobip-emulator" "$root/packaging/kotlin.sh" --out "$target_dir/dist-debug"
# The JUnit results of that (or, when nothing changed since, of the last) mvn install.
python3 - "$here/kotlin/target/surefire-reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failed = skipped = 0
seconds = 0.0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests"))
    failed += int(suite.get("failures")) + int(suite.get("errors"))
    skipped += int(suite.get("skipped"))
    seconds += float(suite.get("time"))
print(f"Kotlin: {tests - skipped - failed} passed, {failed} failed, {skipped} skipped, {seconds:.1f} s in JUnit")
PY

step "Swift syntax check (tree-sitter-swift)"
venv="$here/.venv"
if ! "$venv/bin/python" -c 'import tree_sitter, tree_sitter_swift' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet tree-sitter==0.26.1 tree-sitter-swift==0.7.4
fi
check() { "$venv/bin/python" "$here/swift/check_swift.py" "$@"; }
check "$here/generated/swift/InfobipSDK.swift" "$here/generated/swift/Generated/"*.swift "$here/swift/Sources/InfobipSDK/"*.swift \
  "$here/swift/Tests/InfobipSDKTests/InfobipSDKTests.swift" "$here/swift/Package.swift"
# Package.swift as the release publishes it: binaryTarget(url:checksum:) for a (made-up) zip.
sum="$(sha256sum "$here/generated/swift/InfobipSDK.swift" | cut -d ' ' -f 1)"
"$root/packaging/swift.sh" --checksum "$sum" --out "$target_dir/dist-debug" >/dev/null
check "$target_dir/dist-debug/swift-package/Package.swift"
grep -q "^let releaseChecksum = \"$sum\"$" "$target_dir/dist-debug/swift-package/Package.swift"
[ -f "$target_dir/dist-debug/swift-package/Sources/InfobipSDK/InfobipSDK.swift" ]
[ -f "$target_dir/dist-debug/swift-package/Sources/InfobipSDK/Generated/InfobipClient+Products.swift" ]
[ -f "$target_dir/dist-debug/swift-package/Sources/InfobipSDK/SmsTfa.swift" ]
# The check must be able to fail: the generated file with one closing brace removed in the
# middle, and with a statement cut in half, must both be refused.
broken="$here/generated/swift/broken"
mkdir -p "$broken"
awk 'BEGIN{done=0} { if (!done && NR > 400 && $0 ~ /^}$/) { done=1; next } print }' \
  "$here/generated/swift/InfobipSDK.swift" > "$broken/missing-brace.swift"
sed '500s/$/ let = (/' "$here/generated/swift/InfobipSDK.swift" > "$broken/bad-statement.swift"
sed '300s/$/ case = (/' "$here/generated/swift/Generated/Whatsapp.swift" > "$broken/bad-generated-model.swift"
for file in "$broken"/*.swift; do
  if check "$file" > "$broken/out.txt"; then
    echo "the Swift check accepted a broken file: $file" >&2
    exit 1
  fi
  echo "refused as expected: $(head -n 2 "$broken/out.txt" | tr '\n' ' ')"
done

step "typed operations in the generated Kotlin and Swift"
python3 "$here/count_typed.py" "$here/generated"

step "Kotlin example (examples/kotlin) against the emulator; its summary line is checked"
bash "$root/examples/demo.sh" kotlin
# It got the SDK from the local Maven repository, as a dependency (no generated sources of its own).
grep -q "/\.m2/repository/com/infobip/infobip-sdk-kotlin/" "$root/examples/kotlin/target/classpath.txt" ||
  { echo "examples/kotlin did not resolve com.infobip:infobip-sdk-kotlin from ~/.m2" >&2; exit 1; }
echo "uniffi bindings: all checks passed"
