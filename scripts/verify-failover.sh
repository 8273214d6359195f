#!/usr/bin/env bash
# Check that DNS answers with the highest-priority healthy region (per the routing policy), probing every region
# itself. Waits up to --wait (default 10s) for the answer to become right, so it can follow simulate-region-failure.sh.
# Against real DNS: --dns-server HOST:PORT --endpoints FILE (an endpoints file: service, zone, policy, endpoints[]).
# Exit codes: 0 the answer is right, 1 it is not (or no sandbox is running), 2 bad usage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/multiregion-cli.sh"

usage() {
    cat >&2 <<USAGE
usage: $(basename "$0") [--wait DURATION] [--dns-server HOST:PORT --endpoints FILE]
  --wait DURATION         keep checking until right or DURATION passed (default 10s; 0 = once)
  --dns-server HOST:PORT  ask this DNS server instead of the sandbox's
  --endpoints FILE        the regions to judge (default: the running sandbox's)
environment: MULTIREGION_CLI, MULTIREGION_PROJECT (see scripts/multiregion-cli.sh)
USAGE
    exit 2
}

wait="10s"
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --wait) [[ $# -ge 2 ]] || usage; wait="$2"; shift 2 ;;
        --dns-server|--endpoints) [[ $# -ge 2 ]] || usage; extra+=("$1" "$2"); shift 2 ;;
        -h|--help) usage ;;
        *) usage ;;
    esac
done

multiregion verify --wait "$wait" ${extra[@]+"${extra[@]}"}
