"""Running a test as a real unprivileged user (root ignores permission bits).

``as_other_user`` skips, with the reason, where that cannot be done: not root, no setpriv,
or an interpreter the unprivileged user cannot run (one under a private /root, say).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys

import pytest

NOBODY = 65534
SETPRIV = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]


@functools.cache
def why_not() -> str | None:
    """Why the tests cannot run as nobody here; None when they can."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return "needs root, to become an unprivileged user"
    if shutil.which("setpriv") is None:
        return "needs setpriv, to become an unprivileged user"
    probe = subprocess.run([*SETPRIV, sys.executable, "-c", "import mlcareer"], capture_output=True,
                           text=True, timeout=60, cwd="/", check=False)  # fmt: skip
    if probe.returncode != 0:
        return f"an unprivileged user cannot run {sys.executable} here: {probe.stderr.strip()[:200]}"
    return None


as_other_user = pytest.mark.skipif(why_not() is not None, reason=why_not() or "")
