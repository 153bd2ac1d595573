"""Reading a Radicale server's calendars back, for the CalDAV sync suites."""

from __future__ import annotations

from tests.support.caldav_server import PASSWORD, USER  # noqa: E402


def creds(**more) -> dict:
    return {"MILIA_CALDAV_USER": USER, "MILIA_CALDAV_PASSWORD": PASSWORD, **more}


def server_calendar(server, name):
    import caldav

    client = caldav.DAVClient(url=server.url, username=USER, password=PASSWORD, require_tls=False,
                              enable_rfc6764=False)
    return next(c for c in client.principal().calendars() if c.get_display_name() == name)


def server_objects(server, name) -> list[str]:
    return [obj.data for obj in server_calendar(server, name).events()]
