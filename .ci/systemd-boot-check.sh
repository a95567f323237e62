#!/usr/bin/env bash
# Runs inside the container that .ci/systemd-boot.sh boots, as root, from the
# unit retier-ci-check.service. Installs retier as docs/install.md says (steps
# 2 to 5), starts retier.service once and writes one line per check to
# /run/retier-ci-result/checks ("ok   ..." or "FAIL ..."), the details to
# /run/retier-ci-result/log. The host reads them once the container has
# powered off.
set -u
readonly result=/run/retier-ci-result
readonly staged=/run/retier-ci
readonly quarter=2026-Q3
readonly output=/srv/retier/output
readonly folder="$output/$quarter"
touch "$result/started"
exec >>"$result/log" 2>&1

check() {
  local name="$1"
  shift
  echo "--- check: $name"
  if "$@"; then
    echo "ok   $name" >>"$result/checks"
  else
    echo "FAIL $name" >>"$result/checks"
  fi
}

echo "--- install (docs/install.md steps 2-5)"
install -D -m 0644 "$staged/retier.sysusers" /etc/sysusers.d/retier.conf
systemd-sysusers /etc/sysusers.d/retier.conf
# A reader: a member of the readers' group, and someone who is not.
mkdir -p /etc/sysusers.d
printf 'u alice - "a RevOps reader" / /usr/sbin/nologin\nm alice retier-readers\n' \
  >/etc/sysusers.d/retier-ci-readers.conf
printf 'u mallory - "not a reader" / /usr/sbin/nologin\n' >>/etc/sysusers.d/retier-ci-readers.conf
systemd-sysusers /etc/sysusers.d/retier-ci-readers.conf
install -d -m 0755 /srv/retier
install -d -m 2750 -o root -g retier-inbox /srv/retier/inbox
install -d -m 2750 -o retier -g retier-readers "$output"
# The uploader is root here; its files come out 0640 as the guide asks.
install -d -m 2750 -o root -g retier-inbox "/srv/retier/inbox/$quarter"
for file in "$staged/drop/"*; do
  install -m 0640 -o root -g retier-inbox "$file" "/srv/retier/inbox/$quarter/"
done
# READY must be newer than every file of the drop.
touch -d '-1 minute' "/srv/retier/inbox/$quarter/"*.csv
touch "/srv/retier/inbox/$quarter/READY"
install -d -m 0755 /etc/retier
install -m 0644 "$staged/retier.json" /etc/retier/retier.json
# A folder the job's user owns outside the output folder: only the sandbox
# keeps the job from writing there.
install -d -m 0700 -o retier -g retier-inbox /srv/retier/scratch
systemctl daemon-reload
systemctl enable retier.timer

echo "--- systemctl start retier.service"
timeout 300 systemctl start retier.service
start_status=$?
systemctl status --no-pager retier.service
echo "--- journalctl -u retier.service"
journalctl --no-pager -o cat -u retier.service

check "systemctl start retier.service exited 0" test "$start_status" -eq 0
check "the service's main process exited 0" \
  test "$(systemctl show -P ExecMainStatus retier.service)" = 0

run_folder_complete() {
  [[ -f "$folder/run.json" ]] || { echo "no $folder/run.json"; return 1; }
  ls -la "$output"
  if ls -d "$output"/.*tmp* 2>/dev/null; then
    echo "a temporary folder was left"
    return 1
  fi
  python3 - "$folder" <<'EOF'
import hashlib, json, os, sys
folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, "run.json")))
listed = {entry["file"]: entry["sha256"] for entry in manifest["outputs"]}
for required in ("tiers.csv", "movements.csv", "memo.md", "memo.html", "rejected.csv"):
    assert required in listed, f"run.json does not list {required}"
present = set()
for base, _, names in os.walk(folder):
    for name in names:
        present.add(os.path.relpath(os.path.join(base, name), folder))
present.discard("run.json")
assert present == set(listed), f"files not as listed: {sorted(present ^ set(listed))}"
for name, digest in listed.items():
    actual = hashlib.sha256(open(os.path.join(folder, name), "rb").read()).hexdigest()
    assert actual == digest, f"{name}: SHA-256 {actual}, run.json says {digest}"
print(f"{len(listed)} files, each with the SHA-256 run.json records")
EOF
}
check "the run folder is complete (every file run.json lists, SHA-256 matching)" run_folder_complete

# Runs a command as `user` with the groups /etc/group gives it (no PAM: the
# volatile /etc has no /etc/pam.d for runuser).
as() {
  local user="$1"
  shift
  setpriv --reuid "$user" --regid "$(id -g "$user")" --init-groups -- "$@"
}

readers_only() {
  local wrong
  wrong="$(find "$folder" \( ! -group retier-readers -o -perm /o=rwx -o ! -perm -g=r \
    -o \( -type d ! -perm -g=x \) \) -print)"
  [[ -z "$wrong" ]] || { echo "not readers-only: $wrong"; return 1; }
  as alice cat "$folder/memo.md" >/dev/null || { echo "alice cannot read"; return 1; }
  as alice ls "$folder/memos" >/dev/null || { echo "alice cannot list"; return 1; }
  if as mallory cat "$folder/memo.md" >/dev/null 2>&1; then
    echo "mallory (not a reader) can read memo.md"
    return 1
  fi
  stat -c '%A %U:%G %n' "$folder" "$folder/memo.md"
}
check "the run folder is readable by the readers' group (alice) and not by others (mallory)" \
  readers_only

ran_as_retier() {
  local uid owners
  uid="$(id -u retier)"
  owners="$(find "$folder" ! -user retier -print)"
  [[ -z "$owners" ]] || { echo "not owned by retier: $owners"; return 1; }
  journalctl --no-pager -o cat _SYSTEMD_UNIT=retier.service "_UID=$uid" | grep -q '^retier: ' ||
    { echo "no journal line from uid $uid"; return 1; }
}
check "the job ran as the user retier (journal _UID, file owners)" ran_as_retier

phase_lines() {
  local journal phase
  journal="$(journalctl --no-pager -o cat -u retier.service)"
  for phase in config read load score write; do
    grep -Eq "^retier: $phase .*\([0-9]+ ms" <<<"$journal" ||
      { echo "no '$phase' phase line"; return 1; }
  done
}
check "the phase lines are in the journal (journalctl -u retier)" phase_lines

# The same unit, sandbox and user, with a probe in place of the job.
sandbox_probe() {
  mkdir -p /etc/systemd/system/retier.service.d
  cat >/etc/systemd/system/retier.service.d/zz-ci-probe.conf <<'EOF'
[Service]
ExecStart=
ExecStart=/bin/sh -c '\
  touch /srv/retier/output/.ci-probe || { echo "cannot write the output folder"; exit 1; }; \
  cp /usr/bin/true /srv/retier/output/.ci-probe && chmod 0755 /srv/retier/output/.ci-probe; \
  if /srv/retier/output/.ci-probe; then echo "ran a program from the output folder"; exit 1; fi; \
  rm -f /srv/retier/output/.ci-probe; \
  for path in /srv/retier/scratch/probe /srv/retier/probe /etc/retier/probe /etc/probe \
    /usr/local/bin/probe /var/lib/probe /root/probe /run/probe; do \
    if touch "$path" 2>/dev/null; then echo "wrote $path"; exit 1; fi; \
  done; echo "sandbox probe: output writable, nothing else"'
EOF
  systemctl daemon-reload
  timeout 120 systemctl start retier.service
  local status=$?
  journalctl --no-pager -o cat -u retier.service | tail -n 8
  rm /etc/systemd/system/retier.service.d/zz-ci-probe.conf
  systemctl daemon-reload
  [[ "$status" == 0 ]]
}
check "the sandbox leaves the output folder writable and nothing else" sandbox_probe

next_firing() {
  systemctl start retier.timer
  systemctl list-timers --all --no-pager retier.timer
  local next
  next="$(systemctl show -P NextElapseUSecRealtime retier.timer)"
  [[ -n "$next" && "$next" != 0 && "$next" != "n/a" ]] || { echo "no next firing"; return 1; }
  systemctl list-timers --all --no-pager retier.timer | grep -q 'retier.timer.*retier.service'
}
check "systemctl list-timers shows retier.timer's next firing" next_firing

touch "$result/finished"
