"""``batch_digitize``: many scans (files and folders, recursively) to signed archive copies, extraction
results and repository records; resumable, bad inputs to quarantine, a summary at the end.

Per input: ocr_extract → sign → store → publish (flows/tasks.py). One pool of ``jobs`` page workers serves the
whole batch (``pipeline.process.shared_pool``): a few inputs are in OCR at once so that the workers always have
pages waiting, but never more than ``jobs`` pages are in OCR. An input's next task is submitted when its
previous one has finished (no task thread waits on another task), so signing, storing and publishing of
finished inputs overlap with the OCR of the next ones; the extractors are loaded in the background meanwhile.
"""

from __future__ import annotations

import concurrent.futures
import logging
import shutil
import threading
import time
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import Task, flow, get_run_logger
from prefect.futures import PrefectFuture

from flows import progress, tasks
from flows.discover import discover
from flows.layout import Layout, atomic_write_json
from flows.repository import close_all
from flows.summary import build_summary
from flows.tasks import Item
from pipeline.config import settings
from pipeline.process import sha256_file, shared_pool, warm_extractors

FILES_IN_OCR_PER_JOB = 2  # inputs in ocr_extract at once, per page worker (the workers never wait for a file)


def plan(paths: list[str], out_dir: str, sign: bool, store: bool) -> tuple[list[Item], list[str]]:
    """Every input with its hash and status: pending, skipped (done by an earlier run), duplicate (same
    content as an earlier input of this batch) or failed (unreadable)."""
    layout = Layout(out_dir)
    found = discover(paths, layout.out)
    items: list[Item] = []
    first_by_hash: dict[str, str] = {}
    for entry in found.inputs:
        base = Item(source=entry.path, name=entry.name, sha256="0" * 64, out_dir=str(layout.out))
        try:
            sha = sha256_file(Path(entry.path))
        except OSError as err:
            items.append(base.model_copy(update={"status": "failed", "reason": f"cannot read: {err.strerror}"}))
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
    return items, found.ignored


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
) -> dict[str, Any]:
    """Digitizes every scan under ``paths`` into ``out_dir``; returns (and writes) the summary report."""
    started_at, started = datetime.now(UTC), time.perf_counter()
    layout = Layout(out_dir)
    layout.out.mkdir(parents=True, exist_ok=True)
    handler = _attach_log(layout)
    try:
        jobs = max(1, jobs or settings().jobs)
        log = get_run_logger()
        items, ignored = plan(paths, out_dir, sign, store)
        todo = deque(i for i in items if i.active)
        if sign and todo:
            tasks.prepare_signer()
        progress.emit(progress.Event("plan", "", total=len(todo)))
        log.info("%d input(s): %d to do, %d skipped, %d ignored", len(items), len(todo),
                 sum(i.status == "skipped" for i in items), len(ignored))
        chains: dict[str, list[PrefectFuture]] = {}
        if todo:
            shared_pool(jobs)  # the page workers start now, while the first input is opened
            _warm_extractors_in_background(log)
        stages = _stages(schema, sign, store, jobs)
        running: dict[concurrent.futures.Future, tuple[Item, int, PrefectFuture]] = {}
        in_ocr = 0
        while todo or running:
            while todo and in_ocr < FILES_IN_OCR_PER_JOB * jobs:
                item = todo.popleft()
                task, options = stages[0]
                future = task.submit(item, **options)
                chains[item.sha256] = [future]
                running[future.wrapped_future] = (item, 0, future)
                in_ocr += 1
            finished, _ = concurrent.futures.wait(list(running), return_when=concurrent.futures.FIRST_COMPLETED)
            for wrapped in finished:
                item, stage, future = running.pop(wrapped)
                in_ocr -= stage == 0
                future.wait()  # done: this only keeps its final state (else ``state`` asks the API)
                if stage + 1 < len(stages) and future.state.is_completed():
                    task, options = stages[stage + 1]
                    after = task.submit(future, **options)
                    chains[item.sha256].append(after)
                    running[after.wrapped_future] = (item, stage + 1, after)
        results = [_outcome(i, chains[i.sha256]) if i.active else i for i in items]
        for item in results:
            if item.status == "failed":
                log.error("document %s: failed: %s", item.tag, item.reason)
        options = {"schema": schema, "sign": sign, "store": store, "jobs": jobs}
        summary = build_summary(results, ignored, started_at, time.perf_counter() - started, options)
        atomic_write_json(layout.summary, summary)
        log.info("batch done: %s", summary["counts"])
        return summary
    finally:
        close_all()
        _detach_log(handler)
