#!/usr/bin/env bash
# Writes screenshots of every page a young person sees, in Swedish, English and Arabic, at a phone's size (390×844)
# and a desktop's (1280×800), and of the staff pages, into docs/screens/ (<language>-<page>-<size>.png).
# They are taken by the browser test ScreensTests against the real service, a real redis-server and Chromium,
# which also checks each page for sideways scrolling and with axe.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source ops/packages.sh
ensure_packages redis-server chromium
dotnet tool restore >/dev/null
dotnet build Chat.sln -c Release -v quiet -nologo
rm -f docs/screens/*.png
CHAT_SCREENS_DIR="$PWD/docs/screens" dotnet test Chat.sln -c Release --no-build --filter "FullyQualifiedName~Browser.ScreensTests" --logger "console;verbosity=minimal"
ls docs/screens | wc -l | xargs echo "screenshots in docs/screens:"
