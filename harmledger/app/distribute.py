"""The per-article stages on Dask: a LocalCluster of worker processes, or a running scheduler.

Only `extraction.extract_batch` (parse, extract, embed, sign) runs on the workers; reading,
duplicate search, storing and resolution stay in the calling process, in input order, so the
result equals the single-process ingest (tests/app/test_distribute.py)."""

from __future__ import annotations

import logging
import resource
import time
from collections import deque
from collections.abc import Iterator
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from harmledger.app.extraction import Extracted, extract_batch
from harmledger.app.reading import IngestReport
from harmledger.errors import Code, HarmledgerError
from harmledger.models import Article

# Batches in flight per worker: enough to keep every worker busy while results are stored,
# few enough that a huge input is never all in memory at once.
IN_FLIGHT_PER_WORKER = 3
CONNECT_TIMEOUT = "15s"


def extract_on_dask(batches: list[list[Article]], workers: int, scheduler: str | None,
                    report: IngestReport) -> Iterator[list[Extracted]]:
    """`extract_batch` of each batch, in order, computed on Dask workers; records in `report` the
    workers' peak memory and how long the cluster took to start with its models loaded."""
    if workers < 1:
        raise HarmledgerError(Code.BAD_WORKERS, detail=workers)
    started = time.perf_counter()
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            # One thread per worker process: spaCy and torch are not sped up by sharing one.
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except OSError as exc:
        raise HarmledgerError(Code.NO_DASK_SCHEDULER, scheduler, detail=str(exc).splitlines()[0]) from None
    try:
        client.register_plugin(ModelsPlugin(), name="harmledger-models")
        report.seconds["dask_start"] = time.perf_counter() - started
        width = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        pending: deque[Any] = deque()
        for batch in batches:
            # pure=False: equal batches are still separate work, never answered from a cache
            pending.append(client.submit(extract_batch, batch, pure=False))
            if len(pending) >= width:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        report.worker_peak_rss.update(client.run(_peak_rss))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class ModelsPlugin(WorkerPlugin):
    """Loads the spaCy pipeline, the gazetteer and the embedding model once when a worker
    starts (they are module-level caches), so no task pays for them."""

    def setup(self, worker: Any) -> None:
        """Warm the caches in the worker process."""
        from harmledger.extract.embedding import load_model
        from harmledger.extract.gazetteer import load_gazetteer
        from harmledger.extract.nlp import load_nlp

        load_nlp()
        load_gazetteer()
        load_model()
