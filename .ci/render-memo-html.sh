#!/usr/bin/env bash
# Renders the demo drop's memo.html in a real browser (headless Chromium) and fails when the
# page does not render or the screenshot is blank. Installs Chromium from Debian the first time
# (apt-get, non-interactive; nothing to do when `chromium` is already on PATH).
#
#   .ci/render-memo-html.sh [retier binary] [screenshot.png]
#
# The screenshot goes to /tmp by default, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
retier="${1:-$(swift build --show-bin-path)/retier}"
screenshot="${2:-/tmp/retier-ci-memo-html.png}"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium from Debian (once)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version 2>/dev/null

work="$(mktemp -d /tmp/retier-ci-html.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# A copy of the demo drop with its ready marker written last, as RevOps would: in a working tree
# a fixture edited after the marker (a merge, a regenerated file) would rightly be refused (66).
mkdir -p "$work/inbox"
cp -R fixtures/inbox/2026-Q3 "$work/inbox/2026-Q3"
touch "$work/inbox/2026-Q3/READY"
printf '{"inbox": "%s/inbox", "output": "%s/out"}\n' "$work" "$work" > "$work/retier.json"
"$retier" run --config "$work/retier.json" --quarter 2026-Q3 >/dev/null 2>"$work/run.log" || {
  cat "$work/run.log" >&2
  exit 1
}
page="$work/out/2026-Q3/memo.html"
test -s "$page"

rm -f "$screenshot"
# --no-sandbox: CI runs as root in a container; the page has no script and no network anyway.
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$work/profile" --screenshot="$screenshot" --window-size=1280,4000 \
  "file://$page" 2>"$work/chromium.log" || {
  cat "$work/chromium.log" >&2
  echo "chromium did not render $page" >&2
  exit 1
}
test -s "$screenshot" || {
  cat "$work/chromium.log" >&2
  echo "chromium wrote no screenshot" >&2
  exit 1
}
python3 .ci/check-png.py "$screenshot"
