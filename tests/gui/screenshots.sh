#!/bin/sh
# Renders each page of the window to PNG files under Xvfb, as a user's display draws them
# (the offscreen platform lacks real fonts hinting and window decorations):
#   tests/gui/screenshots.sh [build dir] [output dir]
# The GUI tests save a PNG wherever they reach a page worth showing (GEOAUDIT_SCREENSHOTS).
set -eu
build=${1:-build}
out=${2:-docs/screenshots}
mkdir -p "$out"
GEOAUDIT_SCREENSHOTS=$(cd "$out" && pwd) QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR=$(mktemp -d) \
    xvfb-run -a -s "-screen 0 1280x900x24" "$build/tests/tst_mainwindow" \
    setsUpAnAuditInTheFormAndRunsIt startsTheDemoAndShowsItsEnd failuresTableListsThePermanentFailures pauseAndContinueFromTheButton \
    guiStaysResponsiveUnderTenThousandAnswers apiKeysDialogSaysWhereEachKeyComesFrom \
    settingsDialogChecksTheProxyAndKeepsTheSettings darkAppearanceKeepsEveryTextReadable startAsksBeforeAnAuditAboveTheLimits || echo "some tests failed; the pictures they reached are saved" >&2
GEOAUDIT_SCREENSHOTS=$(cd "$out" && pwd) QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR=$(mktemp -d) \
    xvfb-run -a -s "-screen 0 1280x900x24" "$build/tests/tst_capturepanel" capturesThreePromptsThenMatchesSavedPages \
    || echo "the capture panel's test failed; its picture may be missing" >&2
ls -l "$out"/*.png
