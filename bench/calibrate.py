"""Fitting the ``ok`` threshold of each value kind on tuning families.

    python -m bench.calibrate CORPUS [CORPUS …] [--target 0.999] [--write]

Each CORPUS is a generated folder of **tuning** families whose OCR is cached by ``bench.extract_cached`` (run
that first). Every value that would be accepted at any confidence (valid for its kind, no structural doubt,
no failed rule) is scored against the truth; the thresholds are raised, kind by kind, from
``settings.OK_THRESHOLD`` until the values accepted over all kinds together reach ``--target`` precision,
losing as few correct values as possible. ``--write``
stores them in ``extractors/data/thresholds.yaml``, which ``settings.ok_threshold`` reads. Held-out families
must never be given to this command: they are scored only to report (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import yaml

from bench.extract_cached import _cache_dir
from extractors import settings
from pipeline.evaluation.matching import match_documents, match_rows
from pipeline.evaluation.normalize import same_value
from pipeline.evaluation.truth import find_cases
from pipeline.models import PageOcr
from samples.families import split_of
from schemas import get_schema

Sample = tuple[float, bool]  # (confidence, correct)


def collect(corpora: list[Path]) -> dict[str, list[Sample]]:
    """(confidence, correct) of every value that would be accepted at threshold 0, by kind."""
    from pipeline.process import extract_stream

    samples: dict[str, list[Sample]] = defaultdict(list)
    fitted_threshold = settings.ok_threshold
    settings.ok_threshold = lambda kind: 0.0  # every value that could be accepted is accepted while collecting
    try:
        for corpus in corpora:
            cases, _ = find_cases(corpus)
            for case in cases:
                if any(d.family and split_of(d.family) == "heldout" for d in case.truth.documents):
                    raise SystemExit(f"{case.name}: a held-out family; calibrate on tuning families only")
                pages_file = _cache_dir(corpus / ".ocr-cache", case) / "pages.json"
                data = json.loads(pages_file.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    continue
                documents = extract_stream([PageOcr(**p) for p in data])
                pairs, _ = match_documents(case.truth.documents, documents)
                for t_index, p_index in pairs:
                    truth = case.truth.documents[t_index]
                    if p_index is None or documents[p_index].schema_id != truth.schema_id:
                        continue
                    predicted = documents[p_index]
                    schema = get_schema(truth.schema_id)
                    for key, fv in predicted.fields.items():
                        if fv.status == "ok" and fv.value is not None and key in truth.fields:
                            kind = schema.fields[key].kind
                            samples[kind].append((fv.confidence, same_value(fv.value, truth.fields[key])))
                    for t_row, p_row in match_rows(truth.entries, predicted.entries):
                        if p_row is None:
                            continue
                        for key, fv in predicted.entries[p_row].items():
                            if fv.status == "ok" and fv.value is not None and key in truth.entries[t_row]:
                                kind = schema.entry_fields[key].kind
                                correct = same_value(fv.value, truth.entries[t_row][key])
                                samples[f"entry:{kind}"].append((fv.confidence, correct))
    finally:
        settings.ok_threshold = fitted_threshold
    return samples


def fit(samples: dict[str, list[Sample]], target: float, floor: float) -> dict[str, float]:
    """Thresholds per kind such that the values accepted over all kinds reach ``target`` precision, losing as
    few correct values as possible: starting from ``floor`` everywhere, the threshold of the kind whose next
    wrong value costs the fewest correct ones is raised past it, until the target is met."""
    ordered = {k: sorted(v) for k, v in samples.items()}  # ascending confidence
    cut = {k: sum(c < floor for c, _ in v) for k, v in ordered.items()}  # values below the threshold

    def totals() -> tuple[int, int]:
        kept = [ok for k, v in ordered.items() for _, ok in v[cut[k]:]]
        return len(kept), len(kept) - sum(kept)

    while True:
        accepted, wrong = totals()
        if not accepted or (accepted - wrong) / accepted >= target or wrong == 0:
            break
        best: tuple[int, str, int] | None = None  # (correct values lost, kind, new cut)
        for kind, values in ordered.items():
            lost = 0
            for i in range(cut[kind], len(values)):
                if not values[i][1]:
                    end = i + 1
                    while end < len(values) and values[end][0] == values[i][0]:
                        end += 1  # values of equal confidence go together
                    lost += sum(ok for _, ok in values[i:end])
                    if best is None or lost < best[0]:
                        best = (lost, kind, end)
                    break
                lost += 1
        if best is None:
            break
        cut[best[1]] = best[2]
    start = {k: sum(c < floor for c, _ in v) for k, v in ordered.items()}
    return {k: floor if cut[k] == start[k] else (v[cut[k]][0] if cut[k] < len(v) else 1.01)
            for k, v in ordered.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.calibrate")
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--target", type=float, default=0.999)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    samples = collect(args.corpora)
    fields = {k: v for k, v in samples.items() if not k.startswith("entry:")}
    fitted = {k: round(max(settings.OK_THRESHOLD, t), 3) for k, t in fit(fields, args.target,
                                                                       settings.OK_THRESHOLD).items()}
    for kind in sorted(samples):
        values = samples[kind]
        threshold = fitted.get(kind, settings.OK_THRESHOLD)
        kept = [ok for c, ok in values if c >= threshold]
        print(f"{kind:22s} values {len(values):5d}  threshold {threshold:.3f}  accepted {len(kept):5d}  "
              f"wrong {len(kept) - sum(kept):3d}")
    kept = [ok for k, v in fields.items() for c, ok in v if c >= fitted[k]]
    print(f"fields: accepted {len(kept)}, wrong {len(kept) - sum(kept)}, precision {sum(kept) / max(len(kept), 1):.4f}")
    if args.write:
        path = Path(__file__).resolve().parents[1] / "extractors" / "data" / "thresholds.yaml"
        body = {"target_precision": args.target, "corpora": [p.name for p in args.corpora], "thresholds": fitted}
        path.write_text("# Written by python -m bench.calibrate on tuning families; see docs/evaluation.md.\n"
                        + yaml.safe_dump(body, allow_unicode=True, sort_keys=True), encoding="utf-8")
        print(f"written: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
