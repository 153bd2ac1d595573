"""Where profiles and the log live: ``--home``/``MILIA_HOME`` or platformdirs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from milia_cli.errors import MiliaError
from milia_cli.messages import common as msg
from milia_cli.records import NamedTuple

APP_NAME = "milia"
DEFAULT_PROFILE = "default"
DB_FILENAME = "milia.db"
_NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def validate_profile_name(name: str) -> str:
    """Return ``name`` if it is a safe profile name, else raise (never a path)."""
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise MiliaError(msg.BAD_PROFILE_NAME.format(name=name))
    return name


class Locations(NamedTuple):
    """The two directories milia uses. With a home, both are that directory."""

    config_dir: Path
    data_dir: Path

    @property
    def profiles_dir(self) -> Path:
        return self.config_dir / "profiles"

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    def profile_path(self, name: str) -> Path:
        return self.profiles_dir / f"{validate_profile_name(name)}.toml"

    def profile_names(self) -> list[str]:
        if not self.profiles_dir.is_dir():
            return []
        return sorted(
            p.stem
            for p in self.profiles_dir.glob("*.toml")
            if _NAME_RE.fullmatch(p.stem) and p.is_file()
        )


def resolve_locations(home: str | Path | None, environ: Mapping[str, str]) -> Locations:
    chosen = home or environ.get("MILIA_HOME")
    if chosen:
        root = Path(chosen).expanduser()
        return Locations(config_dir=root, data_dir=root)
    import platformdirs

    return Locations(
        config_dir=platformdirs.user_config_path(APP_NAME),
        data_dir=platformdirs.user_data_path(APP_NAME),
    )
