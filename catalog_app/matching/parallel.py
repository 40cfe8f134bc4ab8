"""Many tables of suggestions over both cores: the suggest contract's input split in two.

Every row of the suggest contract is profiled (the scanner's own profile of its sample values)
and matched; on 10,000 unseen headers that is about 3 s of one core, and the rows of different
tables do not depend on each other.  ``suggest_groups`` gives the second half of the tables to a
forked copy of this process, which already holds the matcher (no dictionary to load, no modules
to import: a fork costs a few milliseconds), while this process does the first half; the answers
come back in input order, identical to the sequential ones (the matcher's answer for a row never
depends on what it saw before: its caches only remember answers).

Only where ``fork`` is safe: on Linux, and only when this process runs no other thread (a Qt
window or a worker pool would be copied half-way through a lock); by default only when another
core is free (the load average says so).  Elsewhere (Windows starts a
fresh interpreter per process: importing and loading the dictionary would cost more than the
work), for small inputs or with ``workers=1``, the groups are done here, one after the other.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence

__all__ = ["PARALLEL_MIN_ROWS", "can_fork", "suggest_groups"]

# Under this many rows a second process does not pay for itself (a fork, sending the answers
# back: about 0.1 s at 5,000 rows).
PARALLEL_MIN_ROWS = 2_000

_OWN_SHARE = 0.47  # of the rows, done in this process while the child does the rest

_JOB: Callable | None = None  # the work of the forked child (set just before the fork)


def can_fork() -> bool:
    """A forked copy of this process is safe and cheap here."""
    import multiprocessing

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def default_workers() -> int:
    """Both cores of the office PCs the app runs on, never more than two processes (the
    clerk's machine stays usable), and one when the other cores are busy already: then a
    second process only waits for a core and the split costs more than it saves (measured on
    the shared development machine at load 4.4: 5.9-6.1 s split against 3.4-5.0 s in one
    process, the split using about 0.5 s more CPU)."""
    cores = os.cpu_count() or 1
    if cores < 2 or _busy(cores):
        return 1
    return 2


def _busy(cores: int) -> bool:
    """The last minute's load leaves no core free besides the one this process runs on."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average here (Windows)
        return False
    return load >= cores - 0.5


def suggest_groups(
    work: Callable[[Sequence], list],
    groups: Sequence,
    sizes: Sequence[int],
    workers: int | None = None,
    plain: bool = False,
) -> list:
    """``[work(groups[i:j]) …]`` flattened, in order: the groups split in two by ``sizes`` (rows
    per group) when worth it, the second half in a forked process.  ``plain``: ``work``
    returns only JSON-like data (dicts, lists, strings, numbers, None), sent back with
    ``marshal``, which reads 5,000 suggestions in half the time ``pickle`` takes."""
    total = sum(sizes)
    workers = default_workers() if workers is None else workers
    if workers < 2 or total < PARALLEL_MIN_ROWS or len(groups) < 2 or not can_fork():
        return work(groups)
    # this process also built the matcher, read the input and reads the child's answers back:
    # it keeps a little less than half of the rows (about 0.2 s of 4 s of work)
    done, cut = 0, len(groups)
    for i, n in enumerate(sizes):
        if done >= total * _OWN_SHARE:
            cut = i
            break
        done += n
    cut = max(1, min(cut, len(groups) - 1))
    return _forked(work, groups[:cut], groups[cut:], plain)


def _forked(
    work: Callable[[Sequence], list], mine: Sequence, theirs: Sequence, plain: bool
) -> list:
    """``work(mine) + work(theirs)``, ``theirs`` done in a forked child at the same time."""
    import gc
    import marshal
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _JOB

    def job():  # the child finds its share here, unpickled
        found = work(theirs)
        return marshal.dumps(found) if plain else found

    _JOB = job
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
            # what exists now is frozen for the fork (Python's advice for fork without exec):
            # the child's cycle collector then never walks the dictionary and the matcher it
            # inherited, so it neither spends time on them nor copies their memory pages
            gc.freeze()
            try:
                future = pool.submit(_run_job)  # the child is forked here
            finally:
                gc.unfreeze()
            first = work(mine)
            rest = future.result()
            return first + (marshal.loads(rest) if plain else rest)
    finally:
        _JOB = None


def _run_job() -> list:
    """In the child: the parent's ``work`` over its share of the groups (only the answers
    travel back, pickled)."""
    assert _JOB is not None
    return _JOB()
