"""A signed PDF checked with pyHanko: every PAdES signature intact and covering the document (an update after
signing counts only when it adds validation data or timestamps), the signer's certificate valid at the signing
time, and its chain ending at one of the office's trust roots (a folder of PEM or DER root certificates)."""
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from asn1crypto import pem, x509

log = logging.getLogger(__name__)

VALID, MODIFIED, UNTRUSTED, EXPIRED, UNSIGNED = "valid", "modified", "untrusted", "expired", "unsigned"
# pyHanko (with aiohttp behind it) is imported where a PDF is checked, not at the app's start-up: every process,
# a `flask import` or a worker too, would pay for loading it.


class NotAPdf(Exception):
    """The upload is not a readable PDF."""


@dataclass(frozen=True)
class Verdict:
    status: str                       # one of VALID, MODIFIED, UNTRUSTED, EXPIRED, UNSIGNED
    signer: str | None = None         # the signing certificate's subject common name
    signed_at: datetime | None = None  # naive UTC: the timestamp's time, else the time the signer's device gave


def trust_roots(folder: Path) -> list[x509.Certificate]:
    """Every certificate (PEM, several per file allowed, or DER) in the folder; unreadable files are skipped."""
    roots = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else ():
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            blocks = [der for _kind, _headers, der in pem.unarmor(data, multiple=True)] if pem.detect(data) \
                else [data]
            roots.extend(x509.Certificate.load(der) for der in blocks)
        except ValueError:
            log.warning("trust root %s is not a certificate; skipped", path.name)
    return roots


def _naive_utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment else None


def _signer_name(cert: x509.Certificate) -> str:
    names = cert.subject.native
    return str(names.get("common_name") or cert.subject.human_friendly)[:300]


def _check(signature, roots: list[x509.Certificate]) -> Verdict:
    try:
        return _judged(signature, roots)
    except Exception:  # noqa: BLE001  (a damaged file trips pyHanko's parser anywhere: it is not intact)
        log.warning("signature check failed on a damaged file", exc_info=True)
        return Verdict(MODIFIED)


def _judged(signature, roots: list[x509.Certificate]) -> Verdict:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    cert = signature.signer_cert
    name = _signer_name(cert)
    claimed = signature.self_reported_timestamp
    moment = claimed or datetime.now(timezone.utc)
    context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=moment,
                                revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(signature, context)
    except SignatureValidationError:
        return Verdict(MODIFIED, name)
    stamped = status.timestamp_validity.timestamp if status.timestamp_validity else None
    when = _naive_utc(stamped or claimed)
    covered = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES))
    if not (status.intact and status.valid and covered):
        return Verdict(MODIFIED, name, when)
    validity = cert["tbs_certificate"]["validity"]
    if not validity["not_before"].native <= moment <= validity["not_after"].native:
        return Verdict(EXPIRED, name, when)
    if not (status.trusted and status.bottom_line):
        return Verdict(UNTRUSTED, name, when)
    return Verdict(VALID, name, when)


def in_own_thread(function, *args):
    """`function(*args)` called in a worker thread of its own: its result, or its exception raised here.

    pyHanko's synchronous calls start their own event loop (`asyncio.run`), which fails in a thread where one is
    already running (an async server, a browser test's loop in the test worker): every pyHanko call, the app's
    check and the tests' signing, goes through here."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def verify(data: bytes, roots: list[x509.Certificate]) -> Verdict:
    """The verdict on a PDF's signatures: the first that fails decides, else the first signer's name and time
    (checked in a thread of its own, `in_own_thread`)."""
    return in_own_thread(_verify, data, roots)


def _verify(data: bytes, roots: list[x509.Certificate]) -> Verdict:
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not data.startswith(b"%PDF-"):
        raise NotAPdf
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except Exception as error:  # noqa: BLE001  (pyHanko's parser fails in many ways on a damaged file)
        raise NotAPdf from error
    if not signatures:
        return Verdict(UNSIGNED)
    verdicts = [_check(signature, roots) for signature in signatures]
    return next((verdict for verdict in verdicts if verdict.status != VALID), verdicts[0])
