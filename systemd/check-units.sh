#!/usr/bin/env bash
# Checks retier's systemd units; CI calls it, so does anyone editing them.
#
#   1. `systemd-analyze verify` on retier.service and retier.timer. It runs
#      against a throwaway root (--root) that holds a stub
#      /usr/local/bin/retier and a copy of the system units, so the units are
#      checked unchanged on a machine where retier is not installed and
#      systemd is not PID 1. verify exits 0 on an unknown key or a bad value
#      (it only warns), so any output at all counts as a failure.
#      The timer must also name retier.service, which verify does not check.
#   2. `systemd-analyze security --offline=true` on retier.service: the
#      overall exposure must be at most MAX_EXPOSURE.
#   3. `systemd-sysusers --dry-run` on retier.sysusers against an empty root:
#      it must create the user and both groups without a warning, and the
#      service's User= and Group= must be accounts that file creates.
#
# Exit: 0 all good (or systemd-analyze not installed: skipped; a missing
# systemd-sysusers skips step 3 only), 1 a check failed. Needs systemd >= 252
# (security --offline).
set -euo pipefail

readonly MAX_EXPOSURE=2.0
unit_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly unit_dir
readonly service="$unit_dir/retier.service"
readonly timer="$unit_dir/retier.timer"
readonly sysusers="$unit_dir/retier.sysusers"

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "check-units: SKIPPED: systemd-analyze is not installed (apt-get install systemd)"
  exit 0
fi
echo "check-units: $(systemd-analyze --version | head -n 1)"

system_units=""
for candidate in /usr/lib/systemd/system /lib/systemd/system; do
  if [[ -d "$candidate" ]]; then
    system_units="$candidate"
    break
  fi
done
if [[ -z "$system_units" ]]; then
  echo "check-units: FAIL: no system unit folder (/usr/lib/systemd/system)" >&2
  exit 1
fi

root="$(mktemp -d)"
trap 'rm -rf -- "$root"' EXIT
mkdir -p "$root/usr/local/bin" "$root/usr/lib/systemd" "$root/etc/systemd/system"
# verify checks that ExecStart= names an executable file inside --root.
printf '#!/bin/sh\nexit 0\n' >"$root/usr/local/bin/retier"
chmod 0755 "$root/usr/local/bin/retier"
# The units' implicit dependencies (sysinit.target, timers.target, ...).
cp -a "$system_units" "$root/usr/lib/systemd/system"
cp "$service" "$timer" "$root/etc/systemd/system/"

status=0

echo "check-units: systemd-analyze verify --root=<tmp> retier.service retier.timer"
if ! verify_output="$(cd "$root/etc/systemd/system" &&
  systemd-analyze verify --man=no --root="$root" retier.service retier.timer 2>&1)"; then
  status=1
fi
if [[ -n "$verify_output" ]]; then
  # Name the checked-in files, not their throwaway copies.
  printf '%s\n' "$verify_output" | sed "s|$root/etc/systemd/system/|$unit_dir/|g" >&2
  status=1
fi
# verify accepts a timer that names a unit it cannot find.
if ! grep -qx 'Unit=retier.service' "$timer"; then
  echo "$timer: expected the line Unit=retier.service" >&2
  status=1
fi
if [[ "$status" -ne 0 ]]; then
  echo "check-units: FAIL: verify reported problems (see above)" >&2
else
  echo "check-units: verify OK"
fi

echo "check-units: systemd-analyze security --offline=true retier.service"
if ! security_output="$(systemd-analyze security --offline=true --no-pager "$service" 2>&1)"; then
  printf '%s\n' "$security_output" >&2
  echo "check-units: FAIL: security analysis did not run" >&2
  exit 1
fi
# The summary line reads: "→ Overall exposure level for retier.service: 0.2 SAFE 😀"
exposure="$(printf '%s\n' "$security_output" |
  sed -n 's/.*Overall exposure level for [^:]*: *\([0-9][0-9.]*\).*/\1/p' | head -n 1)"
if [[ -z "$exposure" ]]; then
  printf '%s\n' "$security_output" >&2
  echo "check-units: FAIL: no 'Overall exposure level' line in the output" >&2
  exit 1
fi
echo "check-units: exposure $exposure (limit $MAX_EXPOSURE)"
if awk -v got="$exposure" -v max="$MAX_EXPOSURE" 'BEGIN { exit !(got + 0 > max + 0) }'; then
  printf '%s\n' "$security_output" | grep -F '✗' >&2 || true
  echo "check-units: FAIL: exposure $exposure is above $MAX_EXPOSURE" >&2
  status=1
fi

echo "check-units: systemd-sysusers --dry-run --root=<empty> retier.sysusers"
if ! command -v systemd-sysusers >/dev/null 2>&1; then
  echo "check-units: SKIPPED: systemd-sysusers is not installed"
else
  sysroot="$(mktemp -d)"
  # The sysusers root goes with the verify root.
  trap 'rm -rf -- "$root" "$sysroot"' EXIT
  if ! sysusers_output="$(systemd-sysusers --dry-run --root="$sysroot" "$sysusers" 2>&1)"; then
    printf '%s\n' "$sysusers_output" >&2
    echo "check-units: FAIL: systemd-sysusers rejected $sysusers" >&2
    status=1
  else
    # A line it cannot parse is skipped with a message, not an error status.
    unexpected="$(printf '%s\n' "$sysusers_output" | grep -v -e '^Creating ' -e '^Would write ' || true)"
    if [[ -n "$unexpected" ]]; then
      printf '%s\n' "$unexpected" >&2
      echo "check-units: FAIL: systemd-sysusers warned about $sysusers" >&2
      status=1
    fi
    for account in "user 'retier'" "group 'retier-inbox'" "group 'retier-readers'"; do
      if ! printf '%s\n' "$sysusers_output" | grep -q "^Creating $account"; then
        echo "$sysusers: expected it to create $account" >&2
        status=1
      fi
    done
  fi
  # The unit must run as the accounts the file creates.
  for line in 'User=retier' 'Group=retier-inbox'; do
    if ! grep -qx "$line" "$service"; then
      echo "$service: expected the line $line (the accounts of $sysusers)" >&2
      status=1
    fi
  done
  if [[ "$status" -eq 0 ]]; then
    echo "check-units: sysusers OK"
  fi
fi

if [[ "$status" -eq 0 ]]; then
  echo "check-units: OK"
fi
exit "$status"
