#!/usr/bin/env bash
# Runs a test inside a private D-Bus session with an unlocked, empty gnome-keyring, so the
# OS keychain is real but nothing of the user's is touched.
set -eu
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    exec "$@" # without a D-Bus session the test fails and says why
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- bash -c 'printf geoaudit-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' keyring "$@"
