"""Personal numbers out of the server's logs: a logging filter that masks every 12-digit (citizen identity)
or 9-digit (old identity card) number as ``0221******22``, first four and last two digits kept, written
whole or in groups of three (``022 180 000 123``, ``022+180+000+123`` in a URL).

``install_log_mask()`` puts the filter on the access log, uvicorn's own log and the root logger (which
the app's loggers propagate to), on the loggers and on their handlers, and gives the root logger a
handler of its own when it has none, so that nothing the app logs reaches stderr unmasked.
"""

from __future__ import annotations

import logging
import re
import sys

PERSONAL_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{12}|[0-9]{9}|[0-9]{3}(?:(?:[ .+]|%20)[0-9]{3}){2,3})(?![0-9])")
LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access")


def _masked(found: re.Match[str]) -> str:
    digits = re.sub(r"[^0-9]", "", found.group(0).replace("%20", ""))
    return digits[:4] + "*" * (len(digits) - 6) + digits[-2:]


def mask_personal_numbers(text: str) -> str:
    return PERSONAL_NUMBER.sub(_masked, text)


def _mask(value: object) -> object:
    return mask_personal_numbers(value) if isinstance(value, str) else value


class MaskPersonalNumbers(logging.Filter):
    """Masks the message, its arguments and a traceback's text; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_sohoa_masked", False):
            return True
        record.msg = _mask(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_mask(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _mask(arg) for key, arg in record.args.items()}
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_numbers(record.exc_text)
        record._sohoa_masked = True
        return True


def install_log_mask() -> MaskPersonalNumbers:
    mask = next((f for f in logging.getLogger().filters if isinstance(f, MaskPersonalNumbers)), None)
    mask = mask or MaskPersonalNumbers()
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s"))
        root.addHandler(handler)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for target in (logger, *logger.handlers):
            if mask not in target.filters:
                target.addFilter(mask)
    return mask
