#!/usr/bin/env bash
# Bring a failed region of the running sandbox back: its endpoint serves again and /healthz answers 200. The checker
# returns it to DNS after its success threshold.
# Exit codes: 0 restored, 1 it could not be (no sandbox running…), 2 bad usage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/multiregion-cli.sh"

usage() {
    cat >&2 <<USAGE
usage: $(basename "$0") REGION
  Restores REGION in the running sandbox.
environment: MULTIREGION_CLI, MULTIREGION_PROJECT (see scripts/multiregion-cli.sh)
USAGE
    exit 2
}

[[ $# -eq 1 ]] || usage
case "$1" in -h|--help|-*) usage ;; esac
multiregion sandbox restore "$1"
