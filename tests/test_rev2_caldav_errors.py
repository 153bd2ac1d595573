"""`milia sync caldav` when things go wrong (issue 16): each failure is one sentence on stderr,
a non-zero exit, no traceback, and the remembered state stays consistent. Real Radicale servers."""

from __future__ import annotations

import json
from datetime import date

import pytest

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

pytest.importorskip("radicale", reason="radicale is not installed: pip install -e '.[test]' brings it")
caldav = pytest.importorskip("caldav", reason="caldav is not installed: pip install -e '.[test]' brings it")

from conftest import fake_env  # noqa: E402
from tests.support.caldav import creds, server_calendar, server_objects  # noqa: E402
from tests.support.caldav_server import PASSWORD, USER, free_port, start_radicale, stop  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_radicale(tmp_path_factory.mktemp("radicale"))
    yield srv
    stop(srv)


def run(milia, url, calendar, *args, vars=None, today=date(2026, 11, 23)):
    env = fake_env(today, vars=creds() if vars is None else vars)
    return milia("sync", "caldav", "--url", url, "--calendar", calendar, *args, env=env, today=today)


def one_sentence(res, start: str) -> None:
    assert res.exit_code != 0
    assert res.stderr.startswith("milia: " + start), res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.output


def test_wrong_password_is_401_in_one_sentence(milia, server, home):
    milia.write_profile()
    res = run(milia, server.url, "Skin", vars=creds(MILIA_CALDAV_PASSWORD="wrong"))
    one_sentence(res, f"The CalDAV server at {server.url} refused the user name or password (HTTP 401)")
    assert not (home / "caldav-sync.json").exists()


def test_credentials_from_netrc(milia, server, tmp_path):
    milia.write_profile()
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    res = run(milia, server.url, "Netrc", vars={"NETRC": str(netrc)})
    assert res.exit_code == 0, res.output
    netrc.write_text(f"machine 127.0.0.1 login {USER} password nope\n", encoding="utf-8")
    one_sentence(run(milia, server.url, "Netrc", vars={"NETRC": str(netrc)}), "The CalDAV server at")


def test_unreachable_server_is_one_sentence(milia, home):
    milia.write_profile()
    port = free_port()  # nothing listens there
    url = f"http://127.0.0.1:{port}/"
    res = run(milia, url, "Skin")
    one_sentence(res, f"Could not reach the CalDAV server at {url}: connection refused. Nothing was changed.")


def test_a_server_that_is_not_caldav_is_one_sentence(milia):
    """A plain web server that answers 404 to everything (not a calendar server)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class NotFound(BaseHTTPRequestHandler):
        def _answer(self):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PROPFIND = do_OPTIONS = do_PUT = do_REPORT = _answer

        def log_message(self, *args):
            pass

    milia.write_profile()
    web = ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    thread = threading.Thread(target=web.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{web.server_address[1]}/"
        res = run(milia, url, "Skin")
    finally:
        web.shutdown()
        web.server_close()
    one_sentence(res, f"The CalDAV server at {url} answered HTTP 404")
    assert res.stderr.rstrip().endswith("Nothing was changed.")


@pytest.mark.parametrize("url,needle", [
    ("ftp://example.org/", "--url must be an http:// or https:// address"),
    ("http://ana:secret@127.0.0.1:1/", "--url must not contain a user name or password"),
])
def test_bad_urls_are_usage_errors(milia, url, needle):
    milia.write_profile()
    res = run(milia, url, "Skin")
    assert res.exit_code == 2 and needle in res.stderr


def test_half_the_credentials_is_one_sentence(milia, server):
    milia.write_profile()
    one_sentence(run(milia, server.url, "Skin", vars={"MILIA_CALDAV_USER": USER}),
                 "Set both MILIA_CALDAV_USER and MILIA_CALDAV_PASSWORD")


def test_an_event_edited_on_the_server_is_a_412_and_left_alone(milia, server, home):
    """The user edits one of milia's events; the next adaptation must not overwrite it."""
    milia.write_profile()
    assert run(milia, server.url, "Edited").exit_code == 0
    cal = server_calendar(server, "Edited")
    # the evening series that the adaptation will change: edit it "in the calendar app"
    target = next(o for o in cal.events() if "RETINOL" in o.data and "20261123T" in o.data)
    target.data = target.data.replace("Evening routine:", "My evening:")
    target.save()
    assert milia("checkin", "--date", "2026-11-23", "--irritation", "2", today=date(2026, 11, 24)).exit_code == 0
    res = run(milia, server.url, "Edited", today=date(2026, 11, 24))
    one_sentence(res, "The event 'Evening routine: ")
    assert "(HTTP 412)" in res.stderr and "delete it in your calendar program and sync again" in res.stderr
    assert any("My evening:" in t for t in server_objects(server, "Edited"))
    state = json.loads((home / "caldav-sync.json").read_text())
    assert state["schema"] == "milia.caldav-sync/1"
    # the user deletes it, as told: the next sync repairs the calendar
    next(o for o in server_calendar(server, "Edited").events() if "My evening:" in o.data).delete()
    res = run(milia, server.url, "Edited", today=date(2026, 11, 24))
    assert res.exit_code == 0, res.output
    assert not any("My evening:" in t for t in server_objects(server, "Edited"))
    again = run(milia, server.url, "Edited", today=date(2026, 11, 24))
    assert "0 created, 0 updated, 0 deleted" in again.stdout


def test_a_rejected_object_is_one_sentence(milia, tmp_path):
    """A server that refuses large objects (413): the first PUT is rejected, nothing is lost."""
    small = start_radicale(tmp_path, "--server-max-content-length", "1500")
    try:
        milia.write_profile()
        res = run(milia, small.url, "Small")
        one_sentence(res, "The CalDAV server rejected the event '")  # whichever routine is sent first
        assert "(HTTP 413" in res.stderr and "Nothing was changed." in res.stderr
    finally:
        stop(small)


def test_a_read_only_account_is_403_in_one_sentence(milia, tmp_path):
    rights = tmp_path / "rights"
    rights.write_text("[root]\nuser: .+\ncollection:\npermissions: R\n\n"
                      "[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n\n"
                      "[calendars]\nuser: .+\ncollection: {user}/[^/]+\npermissions: r\n", encoding="utf-8")
    ro = start_radicale(tmp_path, "--rights-type", "from_file", "--rights-file", str(rights))
    try:
        milia.write_profile()
        res = run(milia, ro.url, "Skin")
        one_sentence(res, f"The CalDAV server at {ro.url} does not allow this account to change the calendar (HTTP 403)")
    finally:
        stop(ro)


def test_a_forgotten_state_never_overwrites(milia, server, home):
    """With its memory deleted, milia cannot prove it wrote the events: it refuses, in one sentence."""
    milia.write_profile()
    assert run(milia, server.url, "Forgot").exit_code == 0
    before = sorted(server_objects(server, "Forgot"))
    (home / "caldav-sync.json").unlink()
    res = run(milia, server.url, "Forgot")
    one_sentence(res, "The calendar already holds the event ")
    assert "does not remember writing it (HTTP 412)" in res.stderr
    assert sorted(server_objects(server, "Forgot")) == before


def test_a_second_sync_at_the_same_time_is_refused(milia, server, home):
    import fcntl
    import os

    milia.write_profile()
    fd = os.open(home / "caldav-sync.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # "another milia" holds the lock
        one_sentence(run(milia, server.url, "Busy"), "Another `milia sync caldav` is running")
    finally:
        os.close(fd)
    assert run(milia, server.url, "Busy").exit_code == 0


def test_a_damaged_state_file_is_one_sentence(milia, server, home):
    milia.write_profile()
    (home / "caldav-sync.json").write_text("{not json", encoding="utf-8")
    one_sentence(run(milia, server.url, "Skin"), f"The sync state {home / 'caldav-sync.json'} is damaged")


def test_without_the_caldav_library_is_one_sentence(milia, server, monkeypatch):
    import sys

    milia.write_profile()
    monkeypatch.setitem(sys.modules, "caldav", None)
    one_sentence(run(milia, server.url, "Skin"), "`milia sync caldav` needs the caldav library")
