"""A .docx turned into .odt or PDF by LibreOffice, when the server has it: the binary from the setting
OFFICE_CONVERTER or found on the PATH, run headless in a subprocess with a timeout and a private profile."""
import shutil
import subprocess
import tempfile
from pathlib import Path

from flask import current_app

FORMATS = {"odt": "application/vnd.oasis.opendocument.text", "pdf": "application/pdf"}
TIMEOUT_SECONDS = 120


class ConversionFailed(Exception):
    """LibreOffice ran but gave no file (or took too long)."""


def converter() -> str | None:
    """The LibreOffice binary to use, or None when the server has none."""
    configured = current_app.config.get("OFFICE_CONVERTER")
    if configured:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: bytes, fmt: str) -> bytes:
    """The .docx bytes converted to `fmt` ('odt' or 'pdf')."""
    binary = converter()
    if binary is None or fmt not in FORMATS:
        raise ConversionFailed(fmt)
    with tempfile.TemporaryDirectory(prefix="doancongtac-office-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(docx)
        profile = (Path(work) / "profile").as_uri()
        command = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", fmt, "--outdir", work, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=work)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ConversionFailed(fmt) from error
        target = source.with_suffix(f".{fmt}")
        if not target.is_file() or target.stat().st_size == 0:
            raise ConversionFailed(fmt)
        return target.read_bytes()
