"""The batch pool's fork server: one process that loads the model, lexicons and gazetteer
once (``eventwire.batch._forkserver``, its preload), from which every pool worker is forked.

Forking from it (a single-threaded process) is safe and costs a worker milliseconds instead
of the seconds of a fresh interpreter's imports and loads; the workers share the loaded
model's memory until they write to it. This module imports nothing heavy, so that
``eventwire batch`` can start the server before it imports the rest of the command line
(``start_early``): the server loads while the coordinator imports.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from multiprocessing.context import BaseContext

PRELOAD = "eventwire.batch._forkserver"


def available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def context() -> BaseContext:
    """The fork server's context, its server started (or already running); ``spawn``, each
    worker loading for itself, where there is no fork server."""
    if not available():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([PRELOAD])
    forkserver.ensure_running()
    return ctx


def stop() -> None:
    """End the fork server once its pool is shut down: its memory (a loaded model) is freed
    now rather than when this process ends, and its CPU time (with its workers') is counted
    in this process's children. The next pool starts a fresh one."""
    from multiprocessing import forkserver

    halt = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(halt):  # CPython's own (private) way; elsewhere the server ends with us
        try:
            halt()
        except OSError:
            pass


def start_early(args: Sequence[str]) -> None:
    """Start the fork server for ``eventwire batch ARGS`` when they ask for a local pool
    (``--workers`` above 1, its default being the number of cores; no Dask). Called before
    the command line's imports; a run that then stops on a bad option leaves nothing behind
    (the server dies with this process)."""
    if not available() or any(a in ("--help", "--dask", "--scheduler") or
                               a.startswith(("--dask=", "--scheduler=")) for a in args):
        return
    workers: int | None = os.cpu_count() or 1
    for i, arg in enumerate(args):
        value = None
        if arg in ("--workers", "-w"):
            value = args[i + 1] if i + 1 < len(args) else ""
        elif arg.startswith("--workers="):
            value = arg.split("=", 1)[1]
        elif arg.startswith("-w") and not arg.startswith("--"):
            value = arg[2:]
        if value is not None:
            workers = int(value) if value.isdigit() else None
    if workers is not None and workers > 1:
        context()
