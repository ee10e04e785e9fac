"""``INFOBIP_LOG``: print the SDK's logs to stderr without configuring :mod:`logging`.

:mod:`logging` is imported only when ``INFOBIP_LOG`` asks for output (or, from the native
module, at the first call), so ``import infobip`` stays fast.
"""

from __future__ import annotations

import os

_LEVELS = ("error", "warning", "info", "debug")


def _configure_from_env() -> None:
    """Applies ``INFOBIP_LOG`` (``debug``, ``info``, ``warning`` or ``error``) to the ``infobip`` logger."""
    name = os.environ.get("INFOBIP_LOG", "").strip().lower()
    if name not in _LEVELS:
        return
    import logging

    logger = logging.getLogger("infobip")
    logger.setLevel(name.upper())
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
