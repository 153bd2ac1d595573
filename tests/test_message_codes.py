"""Coded messages (issue 14, item 4): every template has a code, an error keeps it, and
`--json` commands print errors as one JSON object (milia.error/1) on stderr."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import jsonschema
import pytest

import milia_cli.messages as messages_package
from milia_cli.errors import MiliaError, UsageError
from milia_cli.messages import Message, code_of
from milia_cli.messages.common import Counted

SCHEMA = json.loads((Path(messages_package.__file__).parents[1] / "schemas" / "error.schema.json").read_text())


def _templates():
    for info in pkgutil.iter_modules(messages_package.__path__):
        module = importlib.import_module(f"milia_cli.messages.{info.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str):
                yield info.name, name, value


def test_every_template_is_a_message_with_its_own_code():
    seen: dict[str, str] = {}
    count = 0
    for area, name, value in _templates():
        assert isinstance(value, Message), f"messages/{area}.py {name} has no code"
        assert value.code == f"{area}.{name.lower()}"
        assert value.code not in seen
        seen[value.code] = name
        count += 1
    assert count > 300  # the whole catalogue was read


def test_formatting_keeps_the_code_and_counted_templates_too():
    msg = Message("at most {max} weeks", "export.bad_weeks")
    assert msg.format(max=3) == "at most 3 weeks" and code_of(msg.format(max=3)) == "export.bad_weeks"
    counted = Counted("{n:check-in}")
    counted.code = "log.x"
    assert counted.format(n=2) == "2 check-ins" and code_of(counted.format(n=2)) == "log.x"
    assert code_of("plain") is None


def test_an_error_takes_its_code_from_the_message():
    err = UsageError(Message("bad {x}", "dates.bad").format(x=1))
    assert err.code == "dates.bad" and err.to_dict() == {"schema": "milia.error/1", "code": "dates.bad",
                                                         "message": "bad 1", "exit": 2}
    assert MiliaError("no code").code == "error"


@pytest.mark.parametrize(("argv", "code", "exit"), [
    (["plan", "--from", "2026-02-30", "--json"], "common.bad_date", 2),
    (["today", "--date", "someday", "--json"], "common.bad_date", 2),
    (["plan", "--weeks", "x", "--json"], "usage.bad_parameter", 2),
    (["-p", "nobody", "today", "--json"], "profile.not_found", 1),
    (["stats", "--nope", "--json"], "usage.no_such_option", 2),
])
def test_json_commands_print_errors_as_json(milia, argv, code, exit):
    milia.write_profile()
    r = milia(*argv)
    assert r.exit_code == exit and r.stdout == ""
    doc = json.loads(r.stderr)
    jsonschema.validate(doc, SCHEMA)
    assert doc["code"] == code and doc["exit"] == exit


def test_without_json_the_error_stays_one_sentence(milia):
    milia.write_profile()
    r = milia("-p", "nobody", "today")
    assert r.exit_code == 1 and r.stderr.startswith("milia: No profile 'nobody'") and r.stderr.count("\n") == 1
