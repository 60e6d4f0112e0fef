"""A throwaway PostgreSQL server on a temporary directory and a free 127.0.0.1 port.

For tests and benchmarks (and for trying the PostgreSQL backend without a DBA). Uses the
distribution's initdb/pg_ctl; when run as root it runs them as the ``postgres`` user, since
PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from ..errors import StoreError


def find_bindir() -> Path | None:
    """The directory holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        real = Path(found).resolve().parent
        if (real / "pg_ctl").exists():
            return real
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(cand, "initdb").exists() and Path(cand, "pg_ctl").exists():
            return Path(cand)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    """``with TempPostgres() as pg: pg.url`` -> a running server, removed on exit."""

    def __init__(self, bindir: Path | None = None, *, durable: bool = False) -> None:
        # durable=False turns fsync off: fine for tests, not for data you keep
        self.durable = durable
        self.bindir = bindir or find_bindir()
        if self.bindir is None:
            raise StoreError("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                             "run .ci/install-postgres")
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
        self.data = self.dir / "data"
        self._user: str | None = None
        if os.geteuid() == 0:
            self._user = "postgres"
            pw = pwd.getpwnam(self._user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._dbs = 0

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self._user:
            cmd = ["runuser", "-u", self._user, "--", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=self.dir)
        if proc.returncode != 0:
            log = self.dir / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise StoreError(f"{' '.join(args[:2])} failed: {proc.stderr.strip()} {tail}")

    def start(self) -> TempPostgres:
        assert self.bindir is not None
        self._run(self.bindir / "initdb", "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C")
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir}"
        if not self.durable:
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-o", opts,
                  "-l", str(self.dir / "server.log"), "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        if self.bindir and (self.data / "postmaster.pid").exists():
            try:
                self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-m", "fast",
                          "-w", "stop")
            except StoreError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def new_database(self, prefix: str = "t") -> str:
        """Create an empty database and return its URL."""
        import psycopg

        self._dbs += 1
        name = f"{prefix}{self._dbs}_{os.getpid()}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def __enter__(self) -> TempPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
