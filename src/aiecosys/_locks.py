"""Load-once locks that a forked child can still take.

A process that forks while another of its threads holds a lock hands the child
a lock that nobody will ever release: the thread that held it does not exist
in the child, so the child's first use of the lock waits for ever. Every lock
that aiecosys keeps is made here, and the child releases each one that was
held at the fork (`os.register_at_fork`).

The state these locks guard is only ever published whole (a cache entry or a
module global is assigned after it has been built), so a child that finds a
lock held sees either the old state or the new one, never half of it.
"""

from __future__ import annotations

import os
import threading
import weakref
from typing import Final


__all__ = ["new_lock"]

_locks: Final[weakref.WeakSet[threading.Lock]] = weakref.WeakSet()


def new_lock() -> threading.Lock:
    """Return a plain `threading.Lock` that is released in a forked child.

    Examples:
        >>> lock = new_lock()
        >>> with lock:
        ...     lock.locked()
        True
    """
    lock = threading.Lock()
    _locks.add(lock)
    return lock


def _release_in_child() -> None:
    """Release, in a new child process, every lock held at the fork."""
    for lock in list(_locks):
        if lock.locked():
            lock.release()


if hasattr(os, "register_at_fork"):  # pragma: no branch - POSIX has it
    os.register_at_fork(after_in_child=_release_in_child)
