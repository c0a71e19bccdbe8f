#!/usr/bin/env bash
# Chokepoint's one entry point for a newcomer and for CI.
#   ./build.sh demo   install what is needed, build, and audit the built-in demo world offline
#   ./build.sh test   install what is needed, build, and run every test
#   ./build.sh setup  only install and build
#   ./build.sh pack   install and build, then pack the .NET tool (carrying its data sets) into artifacts/package
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

need() { command -v "$1" >/dev/null 2>&1 || { echo "build.sh: '$1' is required: $2" >&2; exit 3; }; }

setup() {
  need dotnet "install the .NET 10 SDK (https://dotnet.microsoft.com/download)"
  need npm "install Node.js and npm (Debian: apt-get install nodejs npm) to fetch the pinned data sets"
  # Data sets: pinned versions, verified by the integrity hashes in data/packages/package-lock.json.
  if [ ! -f data/packages/node_modules/.package-lock.json ] || ! cmp -s data/packages/package-lock.json data/packages/node_modules/.package-lock.json 2>/dev/null; then
    echo "== installing data sets (npm ci, pinned and checksummed)"
    (cd data/packages && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    cp data/packages/package-lock.json data/packages/node_modules/.package-lock.json 2>/dev/null || true
  fi
  echo "== building"
  dotnet build Chokepoint.slnx -c Release -warnaserror --nologo -v quiet -clp:ErrorsOnly
  echo "== indexing data sets"
  dotnet src/Chokepoint.Cli/bin/Release/net10.0/chokepoint.dll data update --quiet
}

case "${1:-demo}" in
  setup)
    setup ;;
  pack)
    setup
    echo "== packing the .NET tool"
    dotnet pack src/Chokepoint.Cli -c Release --no-build --nologo -v quiet -o "$root/artifacts/package"
    echo "install it with: dotnet tool install --global chokepoint --add-source $root/artifacts/package" ;;
  demo)
    setup
    shift || true
    echo "== chokepoint demo"
    dotnet src/Chokepoint.Cli/bin/Release/net10.0/chokepoint.dll demo "$@" ;;
  test)
    setup
    # The HTML report test renders in headless Chromium (Debian's package).
    if ! command -v chromium >/dev/null 2>&1; then
      echo "== installing chromium (Debian package) for the HTML rendering test"
      if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
      elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
      else echo "build.sh: install Debian's chromium package (apt-get install chromium) to run the HTML rendering test" >&2; exit 3; fi
    fi
    shift || true
    echo "== running every test"
    dotnet test Chokepoint.slnx -c Release --no-build --nologo --logger "trx" --results-directory "$root/artifacts/test-results" "$@" ;;
  *)
    echo "usage: ./build.sh [demo|test|setup|pack]" >&2; exit 2 ;;
esac
