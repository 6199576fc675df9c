"""Serving sohoa's flows to a Prefect server, on each machine that should run them (docs/deploy.md).

    PREFECT_API_URL=http://prefect-host:4200/api python -m flows.deploy serve [--limit N] [--flow NAME ...]

registers the deployments ``batch-digitize/sohoa``, ``intake-dossier/sohoa`` and ``finalize-dossier/sohoa``
(the same names from every machine: each process that serves them polls the server for their runs) and runs
each flow run it picks up in a subprocess of its own, with this process's environment (``SOHOA_*``,
``SOHOA_JOBS``). This is Prefect's ``serve``: no work pool, no worker type; the server hands each run to one
of the processes (the first to move it to Pending).
"""

from __future__ import annotations

import argparse
import sys

DEPLOYMENT = "sohoa"  # the deployment name of every flow: "<flow name>/sohoa"
FLOWS = {  # flow name -> "module:function"
    "batch-digitize": "flows.batch:batch_digitize",
    "intake-dossier": "flows.dossier:intake_dossier",
    "finalize-dossier": "flows.dossier:finalize_dossier",
}
DEFAULT_LIMIT = 1  # flow runs at once in one serving process: a batch already uses every core (SOHOA_JOBS)


def deployments(flows: list[str] | None = None) -> list:
    """Prefect deployments of the named flows (all of them by default), imported by module path, so that a
    flow run needs only the installed package, not a particular working directory."""
    import importlib

    from prefect.deployments.runner import EntrypointType

    found = []
    for name in flows or FLOWS:
        module, function = FLOWS[name].split(":")
        flow = getattr(importlib.import_module(module), function)
        found.append(flow.to_deployment(name=DEPLOYMENT, entrypoint_type=EntrypointType.MODULE_PATH,
                                        tags=["sohoa"]))
    return found


def serve(limit: int = DEFAULT_LIMIT, flows: list[str] | None = None) -> None:
    """Serves the deployments from this process until it is stopped (Ctrl-C, SIGTERM)."""
    from prefect import serve as prefect_serve

    # One machine stopping must not pause the deployments the other machines still serve.
    prefect_serve(*deployments(flows), limit=limit, pause_on_shutdown=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.deploy", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serving = commands.add_parser("serve", help="serve the flows to the Prefect server at PREFECT_API_URL")
    serving.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                         help=f"flow runs at once in this process (default {DEFAULT_LIMIT})")
    serving.add_argument("--flow", action="append", choices=list(FLOWS), dest="flows",
                         help="serve only this flow (repeatable; default: all)")
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")
    from prefect.settings import get_current_settings

    if not get_current_settings().api.url:
        print("PREFECT_API_URL is not set: serving needs a Prefect server that every machine reaches "
              "(docs/deploy.md)", file=sys.stderr)
        return 2
    serve(args.limit, args.flows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
