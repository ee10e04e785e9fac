"""``INFOBIP_LOG``: print the SDK's logs to stderr without configuring :mod:`logging`."""

from __future__ import annotations

import logging
import os

_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG}


def _configure_from_env() -> None:
    """Applies ``INFOBIP_LOG`` (``debug``, ``info``, ``warning`` or ``error``) to the ``infobip`` logger."""
    level = _LEVELS.get(os.environ.get("INFOBIP_LOG", "").strip().lower())
    if level is None:
        return
    logger = logging.getLogger("infobip")
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
