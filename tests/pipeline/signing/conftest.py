"""Fixtures for the signing tests: a real test PKI (certomancer Animator on 127.0.0.1, session-wide,
stopped at teardown), a SoftHSM2 token, an isolated SOHOA_HOME and small PDFs."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageCms

from pipeline.config import settings
from tests.pki.testpki import SoftHsmToken, TestPki, init_softhsm_token, start_test_pki

SIGNING_ENV = (
    "SOHOA_SIGNER",
    "SOHOA_SIGNER_PIN",
    "SOHOA_TSA_URL",
    "SOHOA_TRUST_ROOTS",
    "SOHOA_SIGN_LEVEL",
    "SOHOA_AGENCY_NAME",
)
P12_PASSWORD = "mật-khẩu-thử"
TESTDATA = Path(__file__).resolve().parents[2] / "data" / "signatures"  # pyHanko's signed test files (MIT)


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory) -> Iterator[TestPki]:
    pki = start_test_pki(tmp_path_factory.mktemp("pki"))
    yield pki
    pki.close()


@pytest.fixture(scope="session")
def softhsm_token(test_pki, tmp_path_factory) -> Iterator[SoftHsmToken]:
    if not shutil.which("softhsm2-util"):
        pytest.skip("softhsm2 not installed")
    previous = os.environ.get("SOFTHSM2_CONF")
    token = init_softhsm_token(tmp_path_factory.mktemp("softhsm"), test_pki)
    yield token
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


@dataclass
class SigningEnv:
    """Sets the signing configuration (environment) of one test and refreshes ``settings()``."""

    home: Path
    monkeypatch: pytest.MonkeyPatch

    def use(self, **values: str | None) -> None:
        for key, value in values.items():
            var = "SOHOA_" + key.upper()
            if value is None:
                self.monkeypatch.delenv(var, raising=False)
            else:
                self.monkeypatch.setenv(var, str(value))
        settings.cache_clear()

    def use_pkcs12(self, pki: TestPki, label: str = "signer", tsa: bool = True) -> Path:
        p12 = pki.pkcs12(label, P12_PASSWORD)
        self.use(
            signer=f"pkcs12:{p12}",
            signer_pin=P12_PASSWORD,
            tsa_url=pki.tsa_url if tsa else None,
            trust_roots=str(pki.root_pem),
        )
        return p12

    def use_pkcs11(self, pki: TestPki, token: SoftHsmToken, tsa: bool = True) -> None:
        self.use(
            signer=token.signer_spec,
            signer_pin=token.pin,
            tsa_url=pki.tsa_url if tsa else None,
            trust_roots=str(pki.root_pem),
        )


@pytest.fixture
def signing_env(tmp_path, monkeypatch) -> Iterator[SigningEnv]:
    monkeypatch.setenv("SOHOA_HOME", str(tmp_path / "home"))
    for var in SIGNING_ENV:
        monkeypatch.delenv(var, raising=False)
    settings.cache_clear()
    yield SigningEnv(tmp_path / "home", monkeypatch)
    settings.cache_clear()


PAGE_TEXT = b"BT /F1 18 Tf 72 720 Td (Giay khai sinh - trang %d) Tj ET"


def make_pdf(path: Path, pages: int = 1) -> Path:
    """A small A4 PDF with uncompressed page content (so tests can find and change bytes in it)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    for n in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(PAGE_TEXT % n)
    pdf.save(path, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return path


@pytest.fixture
def blank_pdf(tmp_path) -> Path:
    return make_pdf(tmp_path / "in.pdf")


def make_pdfa2b(path: Path) -> Path:
    """A one-page PDF/A-2b: a colour JPEG page image, sRGB output intent, XMP with pdfaid 2/B."""
    image = Image.new("RGB", (827, 1169), (250, 248, 240))
    for x in range(100, 700):
        for y in range(200, 220):
            image.putpixel((x, y), (20, 40, 120))
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=80)
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595.28, 841.89))
    xobj = pdf.make_stream(
        jpeg.getvalue(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=image.width,
        Height=image.height,
        ColorSpace=pikepdf.Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
    )
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobj))
    page.obj.Contents = pdf.make_stream(b"q 595.28 0 0 841.89 0 0 cm /Im0 Do Q")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    icc_stream = pdf.make_stream(icc, N=3)
    pdf.Root.OutputIntents = pikepdf.Array(
        [
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String("sRGB"),
                DestOutputProfile=icc_stream,
            )
        ]
    )
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["dc:title"] = "Bản sao giấy khai sinh"
    pdf.save(path)
    return path
