"""The collector during start-up (milia_cli/cli/__init__.py): off while the CLI process imports
the app, frozen and back on before the command runs; a program importing milia is left alone."""

from __future__ import annotations

import gc
import subprocess
import sys

PROBE = """
import gc, sys
sys.argv[0] = {argv0!r}
import milia_cli.cli as cli
during_imports = gc.isenabled()
def probe(argv=None):
    print(during_imports, gc.isenabled(), gc.get_freeze_count() > 0, gc.get_threshold()[0])
    return 0
cli.run = probe
cli.main()
"""


def _probe(argv0: str) -> str:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(argv0=argv0)], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "MILIA_HOME": "/nonexistent-milia-home"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


def test_the_cli_process_imports_without_the_collector_and_runs_the_command_with_it():
    assert _probe("/usr/bin/milia") == "False True True 50000"


def test_a_program_importing_the_cli_keeps_its_collector():
    assert _probe("my-script") == "True True False 700"
    assert _probe("/venv/lib/pytest/__main__.py") == "True True False 700"  # python -m pytest: not milia's
    import milia_cli.cli  # noqa: F401  (in this test process too)

    assert gc.isenabled()
