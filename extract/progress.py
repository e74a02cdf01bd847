"""Progress of a batch run: a tqdm bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from extract.jobs import Outcome


class Progress:
    """A tqdm bar on a terminal, a log line every few seconds otherwise, nothing when disabled."""

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.started = self.last = time.perf_counter()
        self.bar = None
        if self.enabled and self.stream.isatty():
            import tqdm as tqdm_module

            tqdm_module.tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm_module.tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def __call__(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += outcome.failed_with() is not None
        if self.bar is not None:
            self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)
        elif self.enabled and (time.perf_counter() - self.last >= 5 or self.done == self.total):
            self.last = time.perf_counter()
            self._log()

    def _log(self) -> None:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0.0
        print(
            f"vnplans: {self.done}/{self.total} documents, {rate:.1f}/s, ETA {eta:.0f} s, {self.failed} failed",
            file=self.stream,
            flush=True,
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
