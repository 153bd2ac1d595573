"""The plan as ``milia.plan/1`` JSON (SPEC.md), and the JSON Schema that describes it."""

from __future__ import annotations

from milia_cli.plan import Plan

SCHEMA_RESOURCE = "plan.schema.json"


def export_json(plan: Plan) -> str:
    """The plan JSON: UTF-8 text, two-space indent, a final newline, stable key order."""
    return plan.to_json()


def plan_schema_text() -> str:
    """The JSON Schema (draft 2020-12) of ``milia.plan/1``, shipped in ``milia_cli/schemas``."""
    from importlib.resources import files

    return files("milia_cli").joinpath("schemas", SCHEMA_RESOURCE).read_text(encoding="utf-8")
