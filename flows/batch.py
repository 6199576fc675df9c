"""``batch_digitize``: many scans (files and folders, recursively, or objects under an ``s3://`` prefix) to signed
archive copies, extraction results and repository records; resumable, bad inputs to quarantine, a summary at the
end.

Per input: ocr_extract → sign → store → publish (flows/tasks.py). One pool of ``jobs`` page workers serves the
whole batch (``pipeline.process.shared_pool``): a few inputs are in OCR at once so that the workers always have
pages waiting, but never more than ``jobs`` pages are in OCR. An input's next task is submitted when its
previous one has finished (no task thread waits on another task), so signing, storing and publishing of
finished inputs overlap with the OCR of the next ones; the extractors are loaded in the background meanwhile.

With ``dask`` (an address, or ``"local"``) the same tasks go to prefect-dask's ``DaskTaskRunner`` instead: inputs
spread over the Dask workers, each worker reading pages with its own page pool (docs/flows.md, "Dask").
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import Task, flow, get_run_logger
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner
from prefect.utilities.callables import get_call_parameters

from flows import progress, s3inputs, tasks
from flows.discover import Found, discover
from flows.layout import Layout, atomic_write_json
from flows.lock import output_folder_lock
from flows.repository import close_all, repository
from flows.summary import build_summary
from flows.tasks import Item
from pipeline.config import settings
from pipeline.process import BATCH_PAGE_WORKERS, sha256_file, shared_pool, warm_extractors

FILES_IN_OCR_PER_JOB = 2  # inputs in ocr_extract at once, per page worker (the workers never wait for a file)


@dataclass
class Plan:
    items: list[Item]
    ignored: list[str]
    origins: dict[str, str] = field(default_factory=dict)  # local source path → s3:// URL of an object in S3
    s3: dict[str, int] | None = None  # objects in S3: listed, downloaded (bytes), known by their ETag
    not_followed: list[dict[str, str]] = field(default_factory=list)  # symbolic links in the folders given


def _content_hash(entry: Found, out: Path, needs_no_work: Callable[[str], bool], s3: dict[str, int]) -> str:
    """The input's SHA-256. An S3 object is downloaded to ``entry.path`` unless an earlier run saw it with the
    same ETag and size and its content needs no work now (done, or the same as an earlier input of this batch)."""
    if entry.url is None:
        return sha256_file(Path(entry.path))
    s3["objects"] += 1
    sha = s3inputs.remembered(out, entry.url, entry.etag or "", entry.size or 0)
    if sha and needs_no_work(sha):
        s3["known"] += 1
        return sha
    sha, size = s3inputs.fetch(entry.url, Path(entry.path), out)
    s3["downloaded"] += 1
    s3["bytes"] += size
    return sha


def plan(paths: list[str], out_dir: str, sign: bool, store: bool) -> Plan:
    """Every input with its hash and status: pending, skipped (done by an earlier run), duplicate (same
    content as an earlier input of this batch) or failed (unreadable). Objects in S3 are downloaded here."""
    layout = Layout(out_dir)
    found = discover(paths, layout.out)
    items: list[Item] = []
    first_by_hash: dict[str, str] = {}
    s3 = dict.fromkeys(("objects", "downloaded", "bytes", "known"), 0)

    def needs_no_work(sha: str) -> bool:
        return sha in first_by_hash or layout.done(sha, sign, store) is not None

    for entry in found.inputs:
        base = Item(source=entry.path, name=entry.name, sha256="0" * 64, out_dir=str(layout.out))
        try:
            sha = _content_hash(entry, layout.out, needs_no_work, s3)
        except OSError as err:
            items.append(base.model_copy(update={"status": "failed", "reason": f"cannot read: {err.strerror or err}"}))
            continue
        except s3inputs.download_errors() as err:
            reason = f"cannot download: {getattr(err, 'code', None) or type(err).__name__}"
            items.append(base.model_copy(update={"status": "failed", "reason": reason}))
            continue
        item = base.model_copy(update={"sha256": sha})
        if sha in first_by_hash:
            item = item.model_copy(update={"status": "duplicate", "reason": f"same content as {first_by_hash[sha]}"})
        elif marker := layout.done(sha, sign, store):
            shutil.rmtree(layout.work(sha), ignore_errors=True)  # left by a kill after the marker was written
            item = item.model_copy(update={
                "status": "skipped", "reason": "done by an earlier run", "outputs": marker["outputs"],
                "pages": marker.get("pages", 0), "documents": marker.get("documents", 0),
                "signature_level": marker.get("signature_level"), "stored": marker.get("stored", False),
                "records": marker.get("records", []),
            })
        first_by_hash.setdefault(sha, entry.name)
        items.append(item)
    origins = {entry.path: entry.url for entry in found.inputs if entry.url}
    for item in items:
        if item.source in origins and not item.active:
            s3inputs.discard(item.source)  # nothing to read: not kept until the end of the batch
    return Plan(items, found.ignored, origins, s3 if any(s3inputs.is_s3(p) for p in paths) else None,
                [link.model_dump() for link in found.not_followed])


def _stages(schema: str | None, sign: bool, store: bool, jobs: int) -> list[tuple[Task, dict[str, Any]]]:
    """The tasks of one input, in order, with their options (each takes the previous one's result)."""
    stages: list[tuple[Task, dict[str, Any]]] = [(tasks.ocr_extract, {"schema": schema, "jobs": jobs})]
    if sign:
        stages.append((tasks.sign, {}))
    if store:
        stages.append((tasks.store, {}))
    stages.append((tasks.publish, {}))
    return stages


def _warm_extractors_in_background(log: logging.LoggerAdapter) -> None:
    def warm() -> None:
        try:
            warm_extractors()
        except Exception as err:  # noqa: BLE001 - best effort: the first extraction shows any real error
            log.warning("loading the extractors in the background failed: %s", err)

    threading.Thread(target=warm, name="sohoa-warm-extractors", daemon=True).start()


def _outcome(item: Item, chain: list[PrefectFuture]) -> Item:
    """The last task's item, or the input marked failed with the reason of the first task that failed."""
    for future in chain:
        future.wait()
        state = future.state
        if not state.is_completed():
            error = state.result(raise_on_failure=False) if state.is_failed() or state.is_crashed() else None
            reason = f"{type(error).__name__}: {error}" if isinstance(error, Exception) else state.message
            return item.model_copy(update={"status": "failed", "reason": reason or state.name})
    return chain[-1].result()


def _dask_runner(dask: str, jobs: int, log: logging.LoggerAdapter) -> TaskRunner:
    """prefect-dask's task runner: on the scheduler at ``dask`` (its workers started elsewhere), or ``"local"``:
    a cluster of worker processes on this machine, as many as there are cores for ``jobs`` page workers each."""
    import urllib3
    from prefect.client.orchestration import get_client
    from prefect_dask import DaskTaskRunner

    with get_client(sync_client=True) as client:
        api_url = str(client.api_url).rstrip("/")  # also the temporary local server's, in ephemeral mode
    if dask != "local":
        if urllib3.util.parse_url(api_url).host in ("127.0.0.1", "localhost", "::1"):
            log.warning("the Prefect API is %s, on this machine: Dask workers on other machines need their own "
                        "PREFECT_API_URL, of a Prefect server they can reach", api_url)
        return DaskTaskRunner(address=dask)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": max(1, (os.cpu_count() or 1) // jobs), "threads_per_worker": FILES_IN_OCR_PER_JOB * jobs,
        "processes": True, "dashboard_address": None,
        "env": {"PREFECT_API_URL": api_url},  # the workers report their task runs to this flow's API
    })


@contextmanager
def _task_runner(dask: str | None, jobs: int, log: logging.LoggerAdapter) -> Iterator[TaskRunner]:
    """The flow's own task runner (threads of this process), or a Dask one started for the batch."""
    if not dask:
        context = FlowRunContext.get()
        assert context is not None and context.task_runner is not None
        yield context.task_runner
        return
    from dask import config as dask_config

    # A Dask worker process must be allowed children: its page workers.
    with dask_config.set({"distributed.worker.daemon": False}), _dask_runner(dask, jobs, log) as runner:
        client = runner.client  # type: ignore[attr-defined]
        client.register_plugin(_page_pools_closer(), name="sohoa-page-pools")
        nthreads = client.nthreads()
        log.info("Dask scheduler %s: %d worker(s), %d thread(s)", client.scheduler.address, len(nthreads),
                 sum(nthreads.values()))
        yield runner
        if dask == "local":
            # The local cluster closes next: its workers' heartbeats stop first, so that none meets the closing
            # scheduler and logs a traceback ("Failed to communicate with scheduler during heartbeat").
            client.run(_stop_heartbeat)


def _stop_heartbeat(dask_worker: Any) -> None:
    """Run in a Dask worker of the batch's local cluster before it closes: no more heartbeats to the scheduler."""
    callback = dask_worker.periodic_callbacks.get("heartbeat")
    if callback is not None:
        callback.stop()


def _page_pools_closer() -> Any:
    """A Dask worker plugin that stops the worker's page pool when the worker closes. A worker process ends
    without running ``atexit`` hooks (where a sohoa process stops its pool), and page workers left behind would
    wait forever for pages. (Defined here, so that plain batches do not import Dask; sent to the workers by value.)"""
    from distributed import WorkerPlugin

    class ClosePagePools(WorkerPlugin):
        def teardown(self, worker: object) -> None:
            from pipeline.process import close_shared_pools

            close_shared_pools()

    return ClosePagePools()


def _dask_capacity(runner: TaskRunner) -> int:
    """Tasks the Dask workers run at once (their threads, over all workers connected now)."""
    return max(1, sum(runner.client.nthreads().values()))  # type: ignore[attr-defined]


def _run_chains(items: list[Item], stages: list[tuple[Task, dict[str, Any]]], runner: TaskRunner,
                capacity: Callable[[], int], on_end: Callable[[Item, list[PrefectFuture]], None]) -> list[Item]:
    """Runs the stages of every active input, each input's next task submitted when its previous one has
    finished, with at most ``capacity()`` inputs in the first stage (OCR) at once; ``on_end`` is called for each
    input whose chain has ended (last stage done, or a stage failed)."""
    chains: dict[str, list[PrefectFuture]] = {}
    finished: queue.SimpleQueue[PrefectFuture] = queue.SimpleQueue()
    running: dict[Any, tuple[Item, int]] = {}

    def submit(stage: int, item: Item, argument: Item | PrefectFuture) -> None:
        task, options = stages[stage]
        future = runner.submit(task, get_call_parameters(task.fn, (argument,), options))
        chains[item.sha256].append(future)
        running[future.task_run_id] = (item, stage)
        future.add_done_callback(finished.put)

    todo = deque(i for i in items if i.active)
    in_ocr = 0
    while todo or running:
        while todo and in_ocr < capacity():
            item = todo.popleft()
            chains[item.sha256] = []
            submit(0, item, item)
            in_ocr += 1
        future = finished.get()
        item, stage = running.pop(future.task_run_id)
        in_ocr -= stage == 0
        future.wait()  # done: this only keeps its final state (else ``state`` asks the API)
        if stage + 1 < len(stages) and future.state.is_completed():
            submit(stage + 1, item, future)
        else:
            on_end(item, chains[item.sha256])
    return [_outcome(i, chains[i.sha256]) if i.active else i for i in items]


def _attach_log(layout: Layout) -> logging.Handler:
    """The batch log file: Prefect's flow and task run records (documents by hash only)."""
    layout.state.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(layout.log, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).addHandler(handler)
    return handler


def _detach_log(handler: logging.Handler) -> None:
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).removeHandler(handler)
    handler.close()


@flow(name="batch-digitize")
def batch_digitize(
    paths: list[str],
    out_dir: str = "out",
    schema: str | None = None,
    sign: bool = True,
    store: bool = True,
    jobs: int | None = None,
    dask: str | None = None,
) -> dict[str, Any]:
    """Digitizes every scan under ``paths`` (files, folders, ``s3://BUCKET/PREFIX``) into ``out_dir``; returns (and
    writes) the summary report. ``dask``: a Dask scheduler's address, or ``"local"``, to run the inputs' tasks on
    Dask workers (each with its own page workers: ``jobs`` of them, else its ``SOHOA_JOBS`` or one per core)."""
    started_at, started = datetime.now(UTC), time.perf_counter()
    layout = Layout(out_dir)
    layout.out.mkdir(parents=True, exist_ok=True)
    with output_folder_lock(layout.out):  # one batch at a time in an output folder
        handler = _attach_log(layout)
        try:
            task_jobs = jobs if dask and dask != "local" else max(1, jobs or settings().jobs)
            jobs = max(1, jobs or settings().jobs)
            log = get_run_logger()
            planned = plan(paths, out_dir, sign, store)
            items, ignored = planned.items, planned.ignored
            todo = [i for i in items if i.active]
            if sign and todo:
                tasks.prepare_signer()
            progress.emit(progress.Event("plan", "", total=len(todo)))
            log.info("%d input(s): %d to do, %d skipped, %d ignored", len(items), len(todo),
                     sum(i.status == "skipped" for i in items), len(ignored))
            if planned.s3 is not None:
                log.info("S3: %(objects)d object(s), %(downloaded)d downloaded (%(bytes)d bytes), "
                         "%(known)d known by their ETag", planned.s3)
            if todo and not dask:
                shared_pool(jobs, kind=BATCH_PAGE_WORKERS)  # the page workers start now, as the first input opens
                _warm_extractors_in_background(log)
            stages = _stages(schema, sign, store, task_jobs)

            def on_end(item: Item, chain: list[PrefectFuture]) -> None:
                if item.source in planned.origins:
                    s3inputs.discard(item.source)
                if dask:  # the tasks ran in other processes: their progress events did not reach this one
                    progress.emit(progress.Event("done", item.name, status=_outcome(item, chain).status))

            if dask and store and todo:
                repository()  # the catalog is migrated once here, not by several worker processes at once
            with _task_runner(dask if todo else None, jobs, log) as runner:
                capacity = (lambda: _dask_capacity(runner)) if dask else (lambda: FILES_IN_OCR_PER_JOB * jobs)
                results = _run_chains(items, stages, runner, capacity, on_end)
            for item in results:
                if item.status == "failed":
                    log.error("document %s: failed: %s", item.tag, item.reason)
            results = [i.model_copy(update={"source": planned.origins.get(i.source, i.source)}) for i in results]
            options = {"schema": schema, "sign": sign, "store": store, "jobs": task_jobs, "dask": dask}
            summary = build_summary(results, ignored, started_at, time.perf_counter() - started, options)
            for row, item in zip(summary["files"], results, strict=True):  # addition (issue 15): each paper
                marker = layout.done(item.sha256, sign, store) if item.status == "skipped" else None
                row["papers"] = marker.get("papers", []) if marker else tasks.published_papers(item, item.outputs)
            if planned.s3 is not None:
                summary["s3"] = planned.s3
            summary["counts"]["not_followed"] = len(planned.not_followed)
            summary["not_followed"] = planned.not_followed
            atomic_write_json(layout.summary, summary)
            log.info("batch done: %s", summary["counts"])
            return summary
        finally:
            close_all()
            _detach_log(handler)
            shutil.rmtree(s3inputs.downloads(layout.out), ignore_errors=True)
