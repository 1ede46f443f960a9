#!/bin/sh
# Install the unpacked bundle for the current user: the program in ~/.local/opt/leerwinkel, the command
# `leerwinkel` in ~/.local/bin, and the menu entry with its icon. Run it from the unpacked folder:
#   tar xzf leerwinkel-*-linux-*.tar.gz && ./leerwinkel/install-linux.sh
# The data folder (~/.local/share/LeerwinkelIntake) is not touched; removing ~/.local/opt/leerwinkel
# and the two links uninstalls the program and keeps the data.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/leerwinkel"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps"
if [ "$here" != "$target" ]; then
  rm -rf "$target"
  cp -a "$here" "$target"
fi
ln -sf "$target/leerwinkel" "$HOME/.local/bin/leerwinkel"
cp "$target/share/leerwinkel-intake.png" "$prefix/icons/hicolor/256x256/apps/leerwinkel-intake.png"
sed "s|^Exec=.*|Exec=$target/leerwinkel|" "$target/share/leerwinkel.desktop" > "$prefix/applications/leerwinkel.desktop"
echo "Leerwinkel Intake staat in $target; start het vanuit het menu of met 'leerwinkel'."
