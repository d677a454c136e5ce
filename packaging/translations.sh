#!/bin/sh
# Extract the messages, merge them into every catalog, compile the catalogs
# (docs/translations.md). Run from the repository's root with the venv's pybabel:
#   sh packaging/translations.sh            all three steps
#   sh packaging/translations.sh compile    only compile (after editing a .po)
set -eu
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
DIR=resources/translations
if [ "${1:-all}" != compile ]; then
    "$PYBABEL" extract -F babel.cfg -k _ -k ngettext:1,2 --no-default-keywords \
        --sort-by-file --add-comments=Translators: --project="Diva Desk" \
        --copyright-holder="Diva Desk" --width=100 -o "$DIR/diva_desk.pot" .
    "$PYBABEL" update -D diva_desk -i "$DIR/diva_desk.pot" -d "$DIR" --width=100 \
        --ignore-obsolete
fi
"$PYBABEL" compile -D diva_desk -d "$DIR" --statistics
