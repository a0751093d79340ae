#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for Murmur: npm packages (npm ci) and the browsers
# and tools the tests drive (Debian's chromium, firefox-esr, gpg, sq; coturn for STUN/TURN,
# nftables and iproute2 for the NAT lab, openssl for its certificates, systemd-analyze to rate
# the shipped systemd unit; a C++ toolchain and python3 for better-sqlite3, the home's database,
# which npm builds from source when no prebuilt binary can be fetched). Cheap when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
command -v sq >/dev/null 2>&1 || missing+=(sq)
command -v turnserver >/dev/null 2>&1 || missing+=(coturn)
command -v nft >/dev/null 2>&1 || missing+=(nftables)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if ((${#missing[@]})); then
  echo "murmur: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "murmur: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
