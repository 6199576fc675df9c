"""Benchmark: scale-out pages per second with 1, 2, 3 serving processes (workers) on this machine.

    .venv/bin/python -m bench.bench_scale_out [--workers 1 2 3] [--runs 6] [--pages 5] [--jobs 1]

The setup of tests/flows/test_scale_out.py, without the shared catalog: one Prefect server (``prefect server
start``, SQLite under a temporary PREFECT_HOME), N processes serving the flows (``python -m flows.deploy serve
--flow batch-digitize --limit 1``, each with its own SOHOA_HOME and ``SOHOA_JOBS=--jobs``, as N machines would),
then ``--runs`` batch runs of ``--pages`` scan-like pages each created at once through the Prefect client. The
same work for every N: reported are the seconds from the runs' creation until all are final, pages per second,
the CPU seconds of the serving processes' trees (sampled), and where the runs went. Every process of a step is
stopped before the next one starts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
BATCH = "batch-digitize/sohoa"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A process (and every process it starts: its session, run in ``log``'s folder) that is stopped on the way
    out, however we leave."""
    with log.open("wb") as out:  # the child keeps its own descriptor
        proc = subprocess.Popen(command, cwd=log.parent, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # what a flow run left behind in the group
        proc.wait(timeout=15)


def wait_for(what: str, ready, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {what} after {timeout} s")
        time.sleep(0.3)


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def tree_cpu(procs: list[subprocess.Popen], seen: dict[tuple[int, float], float]) -> None:
    """Adds the CPU seconds of every process in the trees of ``procs`` to ``seen`` (by pid and start time)."""
    for proc in procs:
        try:
            root = psutil.Process(proc.pid)
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
        for member in members:
            with contextlib.suppress(psutil.NoSuchProcess):
                times = member.cpu_times()
                seen[(member.pid, member.create_time())] = times.user + times.system


def run_batches(api_url: str, runs: list[dict], procs: list[subprocess.Popen], timeout: float) -> tuple:
    """Creates one run of the batch deployment per parameter set, all at once; returns the runs when all are final,
    the seconds that took and the CPU seconds of the serving trees meanwhile."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    cpu_before: dict = {}
    tree_cpu(procs, cpu_before)
    cpu: dict = dict(cpu_before)
    with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name(BATCH)
        started = time.perf_counter()
        ids = [client.create_flow_run_from_deployment(deployment.id, parameters=p).id for p in runs]
        deadline = time.monotonic() + timeout
        while True:
            tree_cpu(procs, cpu)
            flow_runs = [client.read_flow_run(i) for i in ids]
            if all(r.state and r.state.is_final() for r in flow_runs) or time.monotonic() > deadline:
                seconds = time.perf_counter() - started
                break
            time.sleep(0.5)
    used = sum(v - cpu_before.get(k, 0.0) for k, v in cpu.items())
    return flow_runs, seconds, used


def step(workers: int, inputs: list[Path], pages: int, jobs: int, folder: Path) -> dict:
    """N serving processes on one Prefect server, the runs over ``inputs`` (one folder each)."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    server_env = base | {"PREFECT_HOME": str(folder / "prefect-server"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                         "PREFECT_UI_ENABLED": "false"}
    server = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    serve = [sys.executable, "-m", "flows.deploy", "serve", "--limit", "1", "--flow", "batch-digitize"]
    logs = [folder / f"serve-{n}.log" for n in range(1, workers + 1)]
    with contextlib.ExitStack() as stack:
        stack.enter_context(running(server, server_env, folder / "server.log"))
        wait_for("Prefect API", lambda: healthy(api_url))
        procs = []
        for number, log in enumerate(logs, start=1):
            env = base | {"SOHOA_HOME": str(folder / f"home-{number}"), "OMP_THREAD_LIMIT": "1",
                          "PYTHONPATH": str(REPO), "PREFECT_API_URL": api_url, "SOHOA_JOBS": str(jobs),
                          "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
            procs.append(stack.enter_context(running(serve, env, log)))
        wait_for("serving processes", lambda: all("being served" in log.read_text(errors="replace") for log in logs))
        runs = [{"paths": [str(path)], "out_dir": str(folder / f"out-{i}")} for i, path in enumerate(inputs)]
        flow_runs, seconds, cpu = run_batches(api_url, runs, procs, timeout=60 + 20 * pages * len(inputs))
        served = [log.read_text(errors="replace") for log in logs]
    failed = [r.name for r in flow_runs if not r.state.is_completed()]
    if failed:
        tails = "\n".join(text[-2000:] for text in served)
        raise RuntimeError(f"{workers} worker(s): runs not completed: {failed}\n{tails}")
    where = [sum(f"Beginning flow run '{r.name}'" in text for r in flow_runs) for text in served]
    total = pages * len(inputs)
    return {"workers": workers, "jobs": jobs, "pages": total, "seconds": round(seconds, 2),
            "pages_per_second": round(total / seconds, 3), "cpu_seconds": round(cpu, 1), "runs_per_worker": where,
            "load": round(os.getloadavg()[0], 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--runs", type=int, default=6, help="batch runs (one folder each), the same for every N")
    parser.add_argument("--pages", type=int, default=5, help="scan-like pages in each run's folder")
    parser.add_argument("--jobs", type=int, default=1, help="page workers of each serving process (SOHOA_JOBS)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    from samples.generate import scan_like_pdf

    folder = Path(tempfile.mkdtemp(prefix="sohoa-bench-scale-"))
    results = []
    try:
        inputs = []
        for i in range(args.runs):
            scan_like_pdf(folder / "in" / f"run-{i}" / "scan.pdf", args.pages, args.seed + i)
            inputs.append(folder / "in" / f"run-{i}")
        for workers in args.workers:
            work = folder / f"step-{workers}"
            work.mkdir()
            result = step(workers, inputs, args.pages, args.jobs, work)
            results.append(result)
            print(json.dumps(result), flush=True)
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    first = results[0]["pages_per_second"] if results else 0
    for r in results:
        print(f"{r['workers']} worker(s) × {r['jobs']} page worker(s): {r['pages']} pages in {r['seconds']:.1f} s, "
              f"{r['pages_per_second']:.2f} pages/s (×{r['pages_per_second'] / first:.2f}), {r['cpu_seconds']:.0f} "
              f"CPU-s, runs per worker {r['runs_per_worker']}, load {r['load']} on {os.cpu_count()} cores")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
