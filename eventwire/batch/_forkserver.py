"""Imported by the batch pool's fork server (``multiprocessing`` preload): loads the model,
lexicons and gazetteer once there, so that every worker forked from it starts loaded.

The server dies with the coordinator that started it (killed with SIGKILL, it cannot stop
the server), and each worker dies with the server (``init_pool_worker``): nothing holding a
model's worth of memory outlives the coordinator."""

from __future__ import annotations

import os

from .worker import die_with_parent, preload

die_with_parent(os.getppid())
try:
    preload()
except Exception:  # noqa: BLE001 - each worker then loads for itself and reports the fault
    pass
