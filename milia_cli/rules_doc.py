"""The rule table as a document, generated from the knowledge base.

Someone who picks the project up must see the rules they have to preserve.
``docs/rules.md`` is written by ``python -m milia_cli.rules_doc -o docs/rules.md``
from :data:`milia_cli.rules.RULES`; ``tests/test_rules_doc.py`` fails when the
document and the data drift apart. Nothing here is imported by the commands.
"""

from __future__ import annotations

import argparse
import sys

from milia_cli.rules import GROUPS, RULES, Rule, describe_source

HEADER = """\
<!-- Generated from milia_cli/rules_data.py by `python -m milia_cli.rules_doc -o docs/rules.md`.
     Do not edit by hand: change the knowledge base and regenerate (a test compares them). -->
# The rules milia applies

Every clinical choice in the code names one of these ids; `milia why ID` shows the same text.
The clinical source of truth is `RULES.md` of the project's shared folder (revision 2); this
table is what the code actually carries. "D" is a design default: no source gives the number,
milia chose the cautious end. Where sources disagree, the cautious reading wins and the
disagreement is shown to the user.
"""


def _cell(text: str) -> str:
    """Markdown table cell: pipes escaped, newlines folded."""
    return " ".join(text.replace("|", "\\|").split())


def _row(rule: Rule) -> str:
    action = rule.action
    if rule.design:
        action += f" *Design default:* {rule.design}"
    sources = "; ".join(describe_source(s) if s in ("D",) else s for s in rule.sources)
    return (f"| {rule.id} | {_cell(rule.title)} | {_cell(rule.when)} | {_cell(action)} | {rule.level} "
            f"| {_cell(sources)} | {_cell(rule.disagreement) or '—'} |")


def render() -> str:
    """The whole document (deterministic: rule order as in the knowledge base)."""
    out = [HEADER]
    for group, title in GROUPS.items():
        rules = [r for r in RULES.values() if r.group == group]
        if not rules:
            continue
        out.append(f"\n## {group}. {title}\n")
        out.append("| id | rule | when | what the tool does | level | sources | disagreement |")
        out.append("|---|---|---|---|---|---|---|")
        out.extend(_row(r) for r in rules)
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the rule table generated from the knowledge base.")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = render()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
