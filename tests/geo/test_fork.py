"""A geocoder opened before a fork keeps working in both processes: the child opens its own
SQLite connection (sharing one across fork is unsafe) and finds the same places."""

from __future__ import annotations

import json
import os
import sys

import pytest

from eventwire.geo import Geocoder


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_process_reads_the_gazetteer_on_its_own_connection(geo: Geocoder) -> None:
    geo.reconnect_after_fork()  # in the opening process: nothing changes
    parent_con = geo._con
    assert geo.candidates("Tal Afar")[0].id == 900001
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running pytest's exit handlers
        try:
            geo.reconnect_after_fork()
            found = {"own": geo._con is not parent_con,
                     "ids": [geo.candidates(n)[0].id for n in ("Qayyarah", "Ar Raqqah")]}
        except BaseException as exc:  # noqa: BLE001 - handed to the parent
            found = {"error": repr(exc)}
        os.write(write, json.dumps(found).encode())
        sys.stdout.flush()
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        found = json.loads(fh.read())
    os.waitpid(pid, 0)
    assert found == {"own": True, "ids": [900002, 172955]}
    assert geo._con is parent_con  # the parent's connection is untouched and still reads
    assert geo.candidates("Deir Ezzor")[0].id == 170794
