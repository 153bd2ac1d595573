"""Writing a profile whose plan-shaping values changed: the TOML and the dated changes together
(RULES.md B13, SPEC invariant 12), for `profile set` (one key) and `init --force` (every answer).

Order of the writes: the TOML is replaced atomically first, then the dated changes are recorded
in the log in one transaction; if the log cannot be written, the previous TOML is put back
atomically, so the two never disagree (and the error says so). Called under the profiles
folder's lock.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from milia_cli.errors import MiliaError

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.logmodel import Log, ProfileChange
    from milia_cli.profile import Profile


def plan_shaping_keys() -> tuple[str, ...]:
    """Every dotted key whose change is dated (pregnancy, skin.type, cautions.*, …)."""
    from milia_cli.profile_changes import is_plan_shaping
    from milia_cli.profile_schema import FIELDS_BY_KEY

    return tuple(k for k in FIELDS_BY_KEY if is_plan_shaping(k))


def changed_keys(current: Profile, updated: Profile) -> tuple[str, ...]:
    from milia_cli.profile_changes import value_of

    return tuple(k for k in plan_shaping_keys() if value_of(current, k) != value_of(updated, k))


def save_with_changes(st: State, path: Path, current: Profile, updated: Profile, day: date, today: date,
                      said: tuple[str, str]) -> tuple[Profile, Log | None]:
    """Write ``updated`` over ``current`` at ``path`` and log each plan-shaping key that differs
    as a change on ``day``. Returns the profile as written (its ``pregnancy_since`` is the latest
    pregnancy change the log holds) and the log after the write (None: nothing to record).
    ``said``: the key and value an error names."""
    from milia_cli.checkin import read_log_resolved
    from milia_cli.logmodel import ProfileChange
    from milia_cli.profile import save_profile
    from milia_cli.profile_changes import merged_change, pregnancy_since, value_of
    from milia_cli.timeline import implied_pregnancy_change

    keys = changed_keys(current, updated)
    if not keys:
        save_profile(updated, path)
        return updated, None
    logged = _logged_changes(st)
    # the file's own pregnancy date becomes a logged change first, so moving the TOML's date
    # (or a same-day correction that drops today's record) rewrites no earlier day
    implied = implied_pregnancy_change(current, logged) if "pregnancy" in keys else None
    earlier = (*logged, implied) if implied is not None else logged
    for key in keys:
        _refuse_before_last_change(earlier, key, day)
    changes = {k: ProfileChange(day, k, value_of(current, k), value_of(updated, k)) for k in keys}
    if "pregnancy" in changes:
        updated = updated._replace(pregnancy_since=pregnancy_since(merged_change(earlier, changes["pregnancy"])))
    target = path.resolve() if path.is_symlink() else path
    previous = target.read_bytes() if target.exists() else None
    save_profile(updated, path)
    records = (*([implied] if implied is not None else []), *changes.values())
    try:
        with st.open_store() as store:
            # days still held as "all" get their ids from the plan before the change
            read_log_resolved(store, st.log_key, current, today, st.err)
            store.record_change(st.log_key, *records)  # the last write
    except (MiliaError, KeyboardInterrupt) as err:
        if previous is not None:
            _restore(target, previous, err, *said)
        raise
    with st.open_store() as store:
        return updated, store.read_log(st.log_key)


def _logged_changes(st: State) -> tuple[ProfileChange, ...]:
    if not st.locations.db_path.exists():
        return ()
    with st.open_store() as store:
        return store.changes(st.log_key)


def _refuse_before_last_change(logged: tuple[ProfileChange, ...], key: str, day: date) -> None:
    from milia_cli.messages import log as log_msg

    earlier = [c.date for c in logged if c.key == key]
    if earlier and max(earlier) > day:
        raise MiliaError(log_msg.SINCE_BEFORE_LAST.format(key=key, last=max(earlier), date=day))


def _restore(target: Path, previous: bytes, err: BaseException, key: str, value: str) -> None:
    """Put the previous TOML back after the log refused the change; say so if that fails too."""
    from milia_cli.fsutil import atomic_write_bytes, reason
    from milia_cli.messages import log as log_msg

    why = err.message.rstrip(".") if isinstance(err, MiliaError) else "interrupted"
    for tail in (" — nothing was changed", "; nothing was changed", ", nothing was changed"):
        why = why[: -len(tail)] if why.lower().endswith(tail) else why
    try:
        atomic_write_bytes(target, previous)
    except OSError as exc:
        raise MiliaError(log_msg.CHANGE_LOG_FAILED_RESTORE_FAILED.format(
            reason=why, restore=reason(exc), path=target, key=key, value=value)) from None
    if isinstance(err, MiliaError):
        raise MiliaError(log_msg.CHANGE_LOG_FAILED.format(reason=why, path=target)) from None
