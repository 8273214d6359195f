#!/usr/bin/env bash
# Shared by the drill scripts: how to call the multiregion CLI.
#   MULTIREGION_CLI      command that runs the CLI (default: dotnet run --project <repo>/infra/MultiRegion.Infra.csproj --no-build --)
#                        e.g. MULTIREGION_CLI="dotnet infra/bin/Debug/net10.0/multiregion.dll"
#   MULTIREGION_PROJECT  folder holding Pulumi.yaml (default: the repository root)
# Build once first: dotnet build infra

MULTIREGION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

multiregion() {
    local project="${MULTIREGION_PROJECT:-$MULTIREGION_ROOT}"
    if [[ -n "${MULTIREGION_CLI:-}" ]]; then
        # shellcheck disable=SC2086 # MULTIREGION_CLI is a command line on purpose
        $MULTIREGION_CLI --project "$project" "$@"
    else
        dotnet run --project "$MULTIREGION_ROOT/infra/MultiRegion.Infra.csproj" --no-build -- --project "$project" "$@"
    fi
}
