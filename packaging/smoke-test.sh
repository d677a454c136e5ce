#!/usr/bin/env bash
# Smoke test of the built bundle (packaging/README.md): the frozen program, on its own,
#   prints its version; makes a demo book in a temporary folder; prints `today --json`;
#   exports it and imports it into an empty book that lists the same calls;
#   writes an invoice PDF whose text is right (pdftotext); keeps a mail password in the
#   Secret Service (when gnome-keyring and dbus-run-session exist); opens its window
#   offscreen and closes it cleanly by itself (DIVA_DESK_CLOSE_AFTER_MS, diva_desk/app.py).
# Run from the repository root after packaging/build.sh:
#   bash packaging/smoke-test.sh [PATH/TO/diva-desk]
# Needs python3 (to read the JSON) and pdftotext (poppler-utils). Exit 0 when all passed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-dist/diva-desk/diva-desk}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DIVA_DESK_DATA_DIR="$work/book"
# Nothing from this checkout may help the frozen program: it has to stand alone.
unset PYTHONPATH VIRTUAL_ENV
cd "$work"
fail() {
  echo "SMOKE TEST FAILED: $*" >&2
  [ -f "$DIVA_DESK_DATA_DIR/diva-desk.log" ] && tail -n 30 "$DIVA_DESK_DATA_DIR/diva-desk.log" >&2
  exit 1
}
# A command that fails on its own says why, with the end of the app's log.
trap 'fail "line $LINENO exited with status $?"' ERR
step() { echo "== $*"; }

step "version"
version="$("$BIN" --version)"
echo "$version"
expected="$(python3 -c 'import re,sys; print(re.search(r"__version__ = \"(.+)\"", open(sys.argv[1]).read())[1])' "$OLDPWD/diva_desk/__init__.py")"
[[ "$version" == *"$expected"* ]] || fail "--version printed '$version', not $expected"

step "demo book in $DIVA_DESK_DATA_DIR"
"$BIN" demo
[ -s "$DIVA_DESK_DATA_DIR/book.sqlite3" ] || fail "no book after demo"

step "today --json"
"$BIN" today --json --limit 3 | tee today.json

step "export, then import into an empty book: the same calls today"
"$BIN" export -o book.json
DIVA_DESK_DATA_DIR="$work/imported" "$BIN" import book.json
DIVA_DESK_DATA_DIR="$work/imported" "$BIN" today --json --limit 3 >imported.json
cmp -s today.json imported.json || fail "the imported book's calls differ from the demo book's"
# The first call's overdue invoice, its customer and that invoice's balance, from the JSON.
read -r number name amount < <(python3 - <<'PY'
import json
from decimal import Decimal
calls = json.load(open("today.json"))["calls"]
assert calls, "no calls today in the demo book"
for call in calls:
    for reason in call["reasons"]:
        if reason.get("kind") == "overdue" and reason.get("invoice"):
            print(reason["invoice"], call["customer_name"].replace(" ", "_"),
                  f"{Decimal(reason['amount']):,.2f}")
            raise SystemExit
raise SystemExit("no overdue invoice among today's calls")
PY
)
name="${name//_/ }"

step "invoice-pdf $number"
"$BIN" invoice-pdf "$number" -o invoice.pdf
pdftotext -layout invoice.pdf invoice.txt
for want in "INVOICE" "$number" "$name" "Balance due" "\$$amount"; do
  grep -qF -- "$want" invoice.txt || fail "the PDF of $number does not say '$want'"
done
echo "invoice.pdf says $number, $name, balance due \$$amount"

step "Secret Service keyring"
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  mkdir -p keyring-home
  shown="$(HOME="$work/keyring-home" dbus-run-session -- bash -c '
    eval "$(printf %s smoke | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    printf %s s3cret | "$0" mail-settings --host smtp.example.com --port 587 \
      --user owner@example.com --from owner@example.com --password-stdin >/dev/null
    "$0" mail-settings --show
  ' "$BIN")"
  echo "$shown"
  grep -q "in the system keyring" <<<"$shown" || fail "the frozen app did not find the Secret Service"
else
  echo "skipped: no dbus-run-session or gnome-keyring-daemon here"
fi

step "window, offscreen, closes by itself"
QT_QPA_PLATFORM=offscreen DIVA_DESK_CLOSE_AFTER_MS=3000 timeout 120 "$BIN" || fail "the window exited with status $?"
if grep -q "Traceback" "$DIVA_DESK_DATA_DIR/diva-desk.log"; then
  cat "$DIVA_DESK_DATA_DIR/diva-desk.log" >&2
  fail "the log holds a traceback"
fi
echo "SMOKE TEST PASSED ($version)"
