#!/usr/bin/env bash
# Make one region of the running sandbox fail, as a drill would: its health check answers 503 (default) or its
# stand-in load balancer stops listening (--mode stop). The checker then takes the region out of DNS.
# Exit codes: 0 failure injected, 1 it could not be (no sandbox running…), 2 bad usage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/multiregion-cli.sh"

usage() {
    cat >&2 <<USAGE
usage: $(basename "$0") REGION [--mode 503|stop]
  Fails REGION in the running sandbox (start one with: multiregion sandbox up).
  --mode 503   the region's /healthz answers 503 (default)
  --mode stop  the region's endpoint refuses connections
environment: MULTIREGION_CLI, MULTIREGION_PROJECT (see scripts/multiregion-cli.sh)
USAGE
    exit 2
}

[[ $# -ge 1 ]] || usage
case "$1" in -h|--help|-*) usage ;; esac
region="$1"; shift
mode="503"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mode) [[ $# -ge 2 ]] || usage; mode="$2"; shift 2 ;;
        *) usage ;;
    esac
done
case "$mode" in 503|stop) ;; *) echo "error: --mode must be 503 or stop, not '$mode'" >&2; usage ;; esac

multiregion sandbox fail "$region" --mode "$mode"
