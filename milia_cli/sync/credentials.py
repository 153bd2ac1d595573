"""Where `milia sync caldav` finds the account: ``MILIA_CALDAV_USER`` and
``MILIA_CALDAV_PASSWORD``, else the server's ``machine`` entry in ``~/.netrc`` (or ``$NETRC``),
else none. Never the profile, never the command line."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from milia_cli.errors import MiliaError, UsageError
from milia_cli.messages import sync as msg


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(msg.BAD_URL.format(url=url))
    if parts.username or parts.password:
        raise UsageError(msg.URL_HAS_PASSWORD)
    text = url.strip()
    return text if text.endswith("/") else text + "/"


def credentials(url: str, environ: Mapping[str, str]) -> tuple[str | None, str | None]:
    user, password = environ.get("MILIA_CALDAV_USER"), environ.get("MILIA_CALDAV_PASSWORD")
    if user or password:
        if not (user and password):
            raise MiliaError(msg.HALF_CREDENTIALS)
        return user, password
    path = Path(environ["NETRC"]) if environ.get("NETRC") else (
        Path(environ["HOME"]) / ".netrc" if environ.get("HOME") else None)
    if path is None or not path.exists():
        return None, None
    import netrc

    try:
        found = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except (OSError, netrc.NetrcParseError) as exc:
        reason = getattr(exc, "msg", None) or getattr(exc, "strerror", None) or str(exc)
        raise MiliaError(msg.BAD_NETRC.format(path=path, reason=reason)) from None
    if not found:
        return None, None
    login, _account, secret = found
    return login or None, secret or None
