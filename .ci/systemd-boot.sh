#!/usr/bin/env bash
# Runs retier's units for real: boots a systemd in a throwaway container
# (systemd-nspawn --volatile=yes on the host's own /usr), installs the accounts
# (systemd/retier.sysusers), the units and the release binary in it as
# docs/install.md says, starts retier.service once on a copy of the demo drop
# (fixtures/inbox/2026-Q3) and checks:
#
#   - the service exits 0;
#   - the run folder is complete (every file run.json lists, with its SHA-256)
#     and readable by a member of the readers' group, not by anyone else;
#   - the job ran as the user retier;
#   - its sandbox lets it write the output folder and nothing else: a folder
#     that retier owns outside it is still read-only, and nothing in the
#     output folder can be executed;
#   - the phase lines are in the journal (journalctl -u retier);
#   - systemctl list-timers shows retier.timer's next firing.
#
# Usage: .ci/systemd-boot.sh [RELEASE-BINARY]
#   Without an argument it builds one (swift build -c release
#   --static-swift-stdlib), as docs/install.md does.
#
# Exit: 0 passed, or SKIPPED (printed loudly with the reason) where no
# container can boot here (not root, no systemd-nspawn and no way to install
# it, the container did not start); 1 a check failed or the container did not
# finish in time. Every step is bounded by a timeout.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo
readonly quarter=2026-Q3
readonly boot_timeout=900

skip() {
  echo "################################################################"
  echo "systemd-boot: SKIPPED: $*"
  echo "################################################################"
  exit 0
}

fail() {
  echo "systemd-boot: FAIL: $*" >&2
  exit 1
}

[[ "$(id -u)" == 0 ]] || skip "booting a container needs root"
[[ -x /lib/systemd/systemd ]] || skip "systemd is not installed (/lib/systemd/systemd)"
if ! command -v systemd-nspawn >/dev/null 2>&1; then
  echo "systemd-boot: installing systemd-container (systemd-nspawn)"
  if ! command -v apt-get >/dev/null 2>&1; then
    skip "no systemd-nspawn and no apt-get to install systemd-container"
  fi
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get install -y -qq systemd-container >/dev/null 2>&1 ||
    { timeout 300 apt-get update -qq >/dev/null 2>&1 &&
      timeout 300 apt-get install -y -qq systemd-container >/dev/null 2>&1; } ||
    skip "could not install systemd-container with apt-get"
fi
command -v python3 >/dev/null 2>&1 || skip "python3 is needed to adapt the config"

binary="${1:-}"
if [[ -z "$binary" ]]; then
  echo "systemd-boot: swift build -c release --static-swift-stdlib"
  (cd "$repo" && timeout 1800 swift build -c release --static-swift-stdlib)
  binary="$(cd "$repo" && swift build -c release --static-swift-stdlib --show-bin-path)/retier"
fi
[[ -x "$binary" ]] || fail "no release binary at $binary"

stage="$(mktemp -d /tmp/retier-systemd-boot.XXXXXX)"
readonly stage
trap 'rm -rf -- "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/system/multi-user.target.wants" \
  "$stage/system/retier.service.d" "$stage/ci" "$stage/result"
chmod 0755 "$stage" "$stage/bin" "$stage/ci"

# The binary is bound over the container's /usr/local/bin (its /usr is the
# host's, read-only): the unit's ExecStart= path, under ExecPaths=/usr.
install -m 0755 "$binary" "$stage/bin/retier"

# The units as shipped, in the container's /etc/systemd/system.
cp "$repo/systemd/retier.service" "$repo/systemd/retier.timer" "$stage/system/"
# The quarter is named, so that the check does not depend on today's date: on
# any day after 2027-01-14 the job would otherwise look for 2026-Q4's drop.
cat >"$stage/system/retier.service.d/ci-quarter.conf" <<EOF
[Service]
ExecStart=
ExecStart=/usr/local/bin/retier run --quarter $quarter
EOF
# A volatile root has no locale or machine settings: the first-boot wizard
# would wait on the console for them.
ln -s /dev/null "$stage/system/systemd-firstboot.service"
cat >"$stage/system/retier-ci-check.service" <<'EOF'
[Unit]
Description=retier CI: install and run retier.service, then power off

[Service]
Type=oneshot
ExecStart=/bin/bash /run/retier-ci/check.sh
ExecStopPost=/bin/systemctl --no-block poweroff
TimeoutStartSec=600
StandardOutput=journal+console
StandardError=journal+console
EOF
ln -s ../retier-ci-check.service "$stage/system/multi-user.target.wants/"

cp "$repo/systemd/retier.sysusers" "$stage/ci/retier.sysusers"
cp -R "$repo/fixtures/inbox/$quarter" "$stage/ci/drop"
python3 - "$repo/config/retier.json" "$stage/ci/retier.json" <<'EOF'
import json, sys
config = json.load(open(sys.argv[1]))
config["inbox"] = "/srv/retier/inbox"
config["output"] = "/srv/retier/output"
json.dump(config, open(sys.argv[2], "w"), indent=2)
EOF
cp "$repo/.ci/systemd-boot-check.sh" "$stage/ci/check.sh"
chmod -R a+rX "$stage/ci"

echo "systemd-boot: $(systemd-nspawn --version | head -n 1)"
echo "systemd-boot: booting systemd-nspawn --volatile=yes -D / -b (at most ${boot_timeout}s)"
status=0
(cd / && timeout --kill-after=30 "$boot_timeout" systemd-nspawn --quiet --volatile=yes -D / -b \
  --register=no --keep-unit --link-journal=no --console=pipe \
  --bind-ro="$stage/bin:/usr/local/bin" \
  --bind="$stage/system:/etc/systemd/system" \
  --bind-ro="$stage/ci:/run/retier-ci" \
  --bind="$stage/result:/run/retier-ci-result") >"$stage/console.log" 2>&1 || status=$?

if [[ ! -e "$stage/result/started" ]]; then
  echo "systemd-boot: the container's console (last lines):"
  tail -n 30 "$stage/console.log" || true
  skip "the container did not boot (systemd-nspawn exited $status before the check started)"
fi
cat "$stage/result/log" 2>/dev/null || true
echo "systemd-boot: checks:"
cat "$stage/result/checks" 2>/dev/null || true
if [[ ! -e "$stage/result/finished" ]]; then
  tail -n 40 "$stage/console.log" || true
  fail "the check did not finish (systemd-nspawn exited $status; $boot_timeout s at most)"
fi
if grep -q '^FAIL' "$stage/result/checks"; then
  fail "$(grep -c '^FAIL' "$stage/result/checks") check(s) failed"
fi
[[ "$status" == 0 ]] || fail "the container did not halt cleanly (systemd-nspawn exited $status)"
echo "systemd-boot: passed ($(grep -c '^ok' "$stage/result/checks") checks)"
