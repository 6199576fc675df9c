"""Sample inputs with ground truth: from samples/committed when it is there, else freshly generated."""

import shutil
from pathlib import Path

import pytest

COMMITTED = Path(__file__).resolve().parents[3] / "samples" / "committed"


def _copy_committed(schema: str, out: Path) -> bool:
    for truth in sorted(COMMITTED.glob(f"{schema}_clean_*.truth.json")):
        source = next(
            (
                p
                for p in truth.parent.glob(truth.name.replace(".truth.json", ".*"))
                if not p.name.endswith(".truth.json")
            ),
            None,
        )
        if source is not None:
            shutil.copy(truth, out / truth.name)
            shutil.copy(source, out / source.name)
            return True
    return False


def sample_folder(out: Path, schemas: list[str]) -> Path:
    """A folder with one clean sample (input + truth) per schema."""
    from samples.generate import generate_document

    out.mkdir(parents=True, exist_ok=True)
    for schema in schemas:
        if not _copy_committed(schema, out):
            generate_document(out, 2026, schema, "clean", 1, fmt="png")
    return out


@pytest.fixture(scope="module")
def two_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_folder(tmp_path_factory.mktemp("eval"), ["death_extract", "citizen_id_card"])
