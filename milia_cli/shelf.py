"""The shelf: the person's own products, kept in the profile file as ``[[shelf]]`` tables.

Each product has a ``name``, the ``step`` it is for (a step id, ``am:``/``pm:`` before it for one
routine only), its ``inci`` (the ingredient list as printed) and, as an INCI list carries no
strengths, an optional ``percent`` table (``percent = { glycolic = 30 }``)::

    [[shelf]]
    name = "Night cream"
    step = "pm:moisturize"
    inci = "Aqua, Glycerin, Retinyl Palmitate, Tocopherol"

:func:`check_shelf` validates the list on load like the rest of the profile: every problem is
one sentence naming the file and the key (``shelf[2].step``). Pure, no I/O; the ingredient
checker is imported only when a shelf has products, so a profile without one loads as before.
"""

from __future__ import annotations

from typing import Any

from milia_cli.errors import MiliaError
from milia_cli.messages import shelf as msg
from milia_cli.records import NamedTuple

KEYS = ("name", "step", "inci", "percent")
MAX_PRODUCTS = 100


class ShelfProduct(NamedTuple):
    name: str
    step: str  # a step id, or "am:"/"pm:" + a step id
    inci: str
    percent: tuple[tuple[str, float], ...] = ()  # (ingredient or class, strength), in file order

    @property
    def slot(self) -> str | None:
        return self.step.split(":", 1)[0] if ":" in self.step else None

    @property
    def bare_step(self) -> str:
        return self.step.split(":", 1)[-1]

    def fits(self, slot: str, step: str) -> bool:
        """Is this product for the plan's step ``step`` in routine ``slot``?"""
        return self.bare_step == step and self.slot in (None, slot)

    def percent_args(self) -> tuple[str, ...]:
        """The strengths as `milia check --percent` takes them: ``glycolic=30``."""
        return tuple(f"{k}={v:g}" for k, v in self.percent)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "step": self.step, "inci": self.inci}
        if self.percent:
            out["percent"] = {k: (int(v) if float(v).is_integer() else v) for k, v in self.percent}
        return out


def step_choices() -> str:
    from milia_cli.catalogue import STEP_IDS

    return ", ".join(STEP_IDS)


def parse_step(text: str) -> str:
    """A step as people type it (``night moisturiser``, ``eye cream``, ``pm:retinol``) -> its
    stored form (``pm:moisturize``, ``eye-cream``); raises :class:`milia_cli.step_names.UnknownStep`
    (a slot a step never appears in, ``am:retinol``, is unknown too)."""
    from milia_cli.catalogue import STEP_KINDS
    from milia_cli.step_names import UnknownStep, parse_step_name

    slot, step = parse_step_name(text)
    if slot is not None and slot not in STEP_KINDS[step].slots:
        raise UnknownStep(text, f"{STEP_KINDS[step].slots[0]}:{step}")
    return f"{slot}:{step}" if slot else step


def find(shelf: tuple[ShelfProduct, ...], name: str) -> ShelfProduct | None:
    wanted = name.strip().casefold()
    return next((p for p in shelf if p.name.casefold() == wanted), None)


def check_shelf(value: Any, source: str) -> tuple[ShelfProduct, ...]:
    """The ``shelf`` key of a profile document, validated (raises MiliaError naming ``source``)."""
    from milia_cli.toml_values import toml_text

    if not isinstance(value, list):
        raise MiliaError(msg.NOT_A_LIST.format(file=source, value=_short(toml_text(value))))
    if len(value) > MAX_PRODUCTS:
        raise MiliaError(msg.TOO_MANY.format(file=source, count=len(value), limit=MAX_PRODUCTS))
    out: list[ShelfProduct] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(value, start=1):
        product = check_entry(entry, f"shelf[{i}]", source)
        folded = product.name.casefold()
        if folded in seen:
            raise MiliaError(msg.DUPLICATE_NAME.format(file=source, key=f"shelf[{i}].name",
                                                       value=_short(toml_text(product.name)), other=seen[folded]))
        seen[folded] = f"shelf[{i}]"
        out.append(product)
    return tuple(out)


def check_entry(entry: Any, key: str, source: str) -> ShelfProduct:
    from milia_cli.toml_values import name_ok, toml_text

    if not isinstance(entry, dict):
        raise MiliaError(msg.ENTRY_NOT_A_TABLE.format(file=source, key=key, value=_short(toml_text(entry))))
    for sub in entry:
        if sub not in KEYS:
            raise MiliaError(msg.UNKNOWN_KEY.format(file=source, key=f"{key}.{sub}", allowed=", ".join(KEYS)))
    allowed = {"name": msg.ALLOWED_NAME, "step": msg.ALLOWED_STEP.format(steps=step_choices()),
               "inci": msg.ALLOWED_INCI}
    for sub in ("name", "step", "inci"):
        if sub not in entry:
            raise MiliaError(msg.MISSING.format(file=source, key=f"{key}.{sub}", allowed=allowed[sub]))
        if not isinstance(entry[sub], str):
            raise MiliaError(msg.BAD_VALUE.format(file=source, key=f"{key}.{sub}",
                                                  value=_short(toml_text(entry[sub])), allowed=allowed[sub]))
    name = entry["name"]
    if not name_ok(name):
        raise MiliaError(msg.BAD_VALUE.format(file=source, key=f"{key}.name", value=_short(toml_text(name)),
                                              allowed=msg.ALLOWED_NAME))
    step = _checked_step(entry["step"], f"{key}.step", source, allowed["step"])
    percent = _checked_percent(entry.get("percent", {}), f"{key}.percent", source)
    product = ShelfProduct(name=name, step=step, inci=entry["inci"], percent=percent)
    check_label_of(product, key, source)
    return product


def check_label_of(product: ShelfProduct, key: str, source: str) -> None:
    """The ingredient list must be one the checker reads, and each strength must name an
    ingredient (or class) on it: what `milia check --percent` refuses is refused here too."""
    from milia_cli.ingredients.report import check_label

    percents = product.percent_args()
    try:
        check_label(product.inci, profile=None, step=product.step)
    except MiliaError as err:
        raise MiliaError(msg.BAD_LABEL.format(file=source, key=f"{key}.inci", name=product.name,
                                              detail=err.message)) from None
    try:
        check_label(product.inci, profile=None, step=product.step, percents=percents)
    except MiliaError as err:
        raise MiliaError(msg.BAD_PERCENT.format(file=source, key=f"{key}.percent", name=product.name,
                                                detail=err.message)) from None


def _checked_step(value: str, key: str, source: str, allowed: str) -> str:
    from milia_cli.step_names import UnknownStep
    from milia_cli.toml_values import toml_text

    try:
        return parse_step(value)
    except UnknownStep as err:
        if err.suggestion:
            raise MiliaError(msg.BAD_VALUE_HINT.format(file=source, key=key, value=_short(toml_text(value)),
                                                       choice=err.suggestion, allowed=allowed)) from None
        raise MiliaError(msg.BAD_VALUE.format(file=source, key=key, value=_short(toml_text(value)),
                                              allowed=allowed)) from None


def _checked_percent(value: Any, key: str, source: str) -> tuple[tuple[str, float], ...]:
    from milia_cli.toml_values import toml_text

    if not isinstance(value, dict):
        raise MiliaError(msg.BAD_VALUE.format(file=source, key=key, value=_short(toml_text(value)),
                                              allowed=msg.ALLOWED_PERCENT))
    out: list[tuple[str, float]] = []
    for name, number in value.items():
        ok = isinstance(number, (int, float)) and not isinstance(number, bool) and 0 < number <= 100
        if not ok or not name.strip():
            raise MiliaError(msg.BAD_VALUE.format(file=source, key=f"{key}.{name}", value=_short(toml_text(number)),
                                                  allowed="a strength above 0 and at most 100 (percent)"))
        out.append((name, float(number)))
    return tuple(out)


def parse_percent_options(texts: list[str] | tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """``--percent NAME=P`` options into the stored pairs (the format errors of `milia check`)."""
    from milia_cli.errors import UsageError
    from milia_cli.messages import check as check_msg

    out: dict[str, float] = {}
    for text in texts:
        name, sep, number = text.partition("=")
        if not sep or not name.strip() or not number.strip():
            raise UsageError(check_msg.BAD_PERCENT_FORMAT.format(value=text))
        try:
            value = float(number.strip().rstrip("%").strip().replace(",", "."))
        except ValueError:
            value = float("nan")
        if not 0 < value <= 100:
            raise UsageError(check_msg.BAD_PERCENT_VALUE.format(value=text, number=number.strip()))
        out[name.strip()] = value
    return tuple(out.items())


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
