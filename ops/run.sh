#!/usr/bin/env bash
# Runs the service on its embedded default: no Redis installed, no root needed.
# The service starts its own Garnet server (a .NET tool from the repo's tool manifest) and
# keeps its data in .chat-data/, so a restart loses nothing. Set Redis__Configuration to use a Redis instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
exec dotnet run --project Chat.Server -c Release -- --urls "http://127.0.0.1:${PORT:-5080}" "$@"
