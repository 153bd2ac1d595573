"""A real Radicale CalDAV server for the sync tests: started in a temp dir on 127.0.0.1 on a
free port (a subprocess), waited for by polling a connect in a bounded loop, stopped after.

No tests here. Radicale logs every request ("PUT request for …") to ``log``, which is how
the tests count what a sync changed, on the server's side.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

USER, PASSWORD = "ana", "secret"


class Server(NamedTuple):
    url: str
    root: Path
    log: Path
    process: subprocess.Popen

    def requests(self, method: str) -> int:
        """How many ``method`` requests the server has received so far."""
        return self.log.read_text(encoding="utf-8", errors="replace").count(f"] {method} request for ")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_radicale(root: Path, *extra: str) -> Server:
    users = root / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = free_port()
    log = root / "radicale.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
             "--storage-filesystem-folder", str(root / "collections"), "--auth-type", "htpasswd",
             "--auth-htpasswd-filename", str(users), "--auth-htpasswd-encryption", "plain",
             "--logging-level", "info", *extra],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    for _attempt in range(600):  # bounded: the server is up in well under a second here
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            try:
                process.wait(timeout=0.05)  # the pause between polls; returns if it died
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"radicale exited with {process.returncode}: {log.read_text()[-2000:]}") from None
    else:
        process.kill()
        raise RuntimeError("radicale did not open its port")
    return Server(f"http://127.0.0.1:{port}/", root, log, process)


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
