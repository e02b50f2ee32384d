"""A headless Chromium driven over the DevTools protocol on a pipe (stdlib only).

``Browser(find()).load(path)`` opens a local HTML file with every network request recorded
(and the proxy pointed at a closed port, so none can succeed), and returns what a test needs:
the page's visible text, console errors, requests other than the file itself, a screenshot
and a PDF. Tests share one Browser per worker: the ``chromium`` fixture in tests/conftest.py.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Seconds to wait for one answer from the browser: generous, it may share a busy machine.
TIMEOUT = 60.0
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find() -> str | None:
    """The browser on PATH, if any."""
    return next((found for name in NAMES if (found := shutil.which(name))), None)


@dataclass
class Loaded:
    text: str
    title: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    screenshot: bytes = b""
    pdf: bytes = b""


class _Pipe:
    def __init__(self, browser: str, profile: str) -> None:
        to_chrome_r, self._write = os.pipe()
        self._read, from_chrome_w = os.pipe()
        args = [
            browser,
            "--headless=new",
            "--remote-debugging-pipe",
            "--no-sandbox",  # CI runs as root
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--proxy-server=127.0.0.1:9",  # no request can reach a network
            f"--user-data-dir={profile}",
            "about:blank",
        ]

        def wire() -> None:  # fd 3: what Chromium reads, fd 4: what it writes
            reads, writes = os.dup(to_chrome_r), os.dup(from_chrome_w)  # out of the way of 3 and 4
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,  # closing runs after preexec_fn and would close 3 and 4
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("the browser did not answer in time")
            chunk = os.read(self._read, 65536)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, session: str | None = None) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not any(e.get("method") == method and e.get("sessionId") == session for e in self.events):
            self.events.append(self._message(deadline))

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=60)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        finally:
            os.close(self._write)
            os.close(self._read)


class Browser:
    """One headless Chromium for many pages: each ``load`` opens a fresh tab and closes it."""

    def __init__(self, browser: str) -> None:
        self._profile = tempfile.TemporaryDirectory()
        self._pipe = _Pipe(browser, self._profile.name)

    def close(self) -> None:
        try:
            self._pipe.close()
        finally:
            self._profile.cleanup()

    def load(self, path: Path, width: int = 1280) -> Loaded:
        """Open ``path`` (a local HTML file) in a new tab and collect what the page did."""
        pipe = self._pipe
        url = path.resolve().as_uri()
        target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        try:
            session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            return self._collect(session, url, width)
        finally:
            pipe.call("Target.closeTarget", {"targetId": target})

    def _collect(self, session: str, url: str, width: int) -> Loaded:
        pipe = self._pipe
        for domain in ("Page", "Runtime", "Network", "Log"):
            pipe.call(f"{domain}.enable", session=session)
        pipe.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        pipe.events.clear()
        pipe.call("Page.navigate", {"url": url}, session=session)
        pipe.wait_for("Page.loadEventFired", session)
        text = pipe.call(
            "Runtime.evaluate",
            {"expression": "document.body.innerText", "returnByValue": True},
            session=session,
        )["result"]["value"]
        title = pipe.call(
            "Runtime.evaluate", {"expression": "document.title", "returnByValue": True}, session=session
        )["result"]["value"]
        shot = pipe.call(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=session
        )
        pdf = pipe.call("Page.printToPDF", {"printBackground": True}, session=session)
        loaded = Loaded(text=text, title=title)
        loaded.screenshot = base64.b64decode(shot["data"])
        loaded.pdf = base64.b64decode(pdf["data"])
        for event in pipe.events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent" and params["request"]["url"] != url:
                loaded.requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                loaded.errors.append(json.dumps(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                loaded.errors.append(json.dumps(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                loaded.errors.append(params["entry"].get("text", ""))
        return loaded


def load(browser: str, path: Path, width: int = 1280) -> Loaded:
    """Open ``path`` in a Chromium started for it alone; many pages: the ``chromium`` fixture."""
    opened = Browser(browser)
    try:
        return opened.load(path, width)
    finally:
        opened.close()
