#!/usr/bin/env bash
# Writes screenshots of every page a young person sees, in Swedish, English and Arabic, at a phone's size (390×844)
# and a desktop's (1280×800), and of every staff page in Swedish and English, into docs/screens/
# (<language>-<page>-<size>.png). They are taken by the browser tests ScreensTests and StaffScreensTests against the
# real service, a real redis-server and Chromium, which also check each page for sideways scrolling and with axe.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source ops/packages.sh
ensure_packages redis-server chromium
dotnet tool restore >/dev/null
dotnet build Chat.sln -c Release -v quiet -nologo
rm -f docs/screens/*.png
CHAT_SCREENS_DIR="$PWD/docs/screens" dotnet test Chat.sln -c Release --no-build --filter "FullyQualifiedName~ScreensTests" --logger "console;verbosity=minimal"
ls docs/screens | wc -l | xargs echo "screenshots in docs/screens:"
