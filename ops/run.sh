#!/usr/bin/env bash
# THE run command: the service on its embedded default (Garnet, started by the server itself, data in
# .chat-data/), so a fresh machine needs neither Redis nor root. Extra arguments go to the server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore
exec dotnet run --project Chat.Server -c Release -- --urls "http://127.0.0.1:${PORT:-5080}" "$@"
