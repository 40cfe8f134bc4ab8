#!/bin/sh
# catalog-app: install from this folder's wheels into a per-user venv. No admin, no network.
#   sh install.sh                 # -> ~/.local/share/catalog-app/venv, link in ~/.local/bin
#   sh install.sh /other/folder   # another venv folder
#   PYTHON=python3.12 sh install.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET=${1:-"${XDG_DATA_HOME:-$HOME/.local/share}/catalog-app/venv"}
PY=${PYTHON:-python3}

if ! "$PY" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)'; then
    echo "Python 3.11-3.13 이 필요합니다 ($PY: $("$PY" --version 2>&1))." >&2
    echo "Python 3.11-3.13 is needed; set PYTHON=python3.12 for example." >&2
    exit 1
fi
"$PY" -m venv "$TARGET"
# --isolated: no pip.conf or PIP_* variable can add an index; --no-index: never the network.
"$TARGET/bin/python" -m pip --isolated install --no-index --find-links "$HERE/wheels" catalog-app
mkdir -p "$HOME/.local/bin"
ln -sf "$TARGET/bin/catalog-app" "$HOME/.local/bin/catalog-app"
echo "설치했습니다: $TARGET"
echo "실행: catalog-app   (또는 $TARGET/bin/catalog-app; ~/.local/bin 이 PATH 에 있어야 합니다)"
