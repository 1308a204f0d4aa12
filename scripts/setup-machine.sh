#!/usr/bin/env bash
# Installs the system packages the tests need, from Debian's packages (never a downloaded browser):
#   chromium        the browser the Playwright tests drive (/usr/bin/chromium)
#   fonts-noto-cjk  so Chromium renders Chinese instead of empty boxes
#   poppler-utils   pdftotext / pdftoppm, to read back and look at the generated credit reports
# Idempotent: does nothing when everything is present. Needs root (or sudo) for apt-get.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0

echo "安装系统软件包：${need[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
