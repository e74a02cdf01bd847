"""Write the tables as Parquet and publish a whole dataset version at once, like a database commit.

Layout of an output folder ``OUT``::

    OUT/.versions/<id>/<table>/part-0.parquet   one complete version per publishing run
    OUT/.versions/<id>/manifest.json            files (with sha256 and rows) of that version
    OUT/.versions/<id>/state.json               inputs -> documents it was built from (its sha256
                                                in the manifest tells a re-run whether anything changed)
    OUT/current -> .versions/<id>               swapped with one atomic rename: the commit
    OUT/<table> -> current/<table>, OUT/manifest.json -> current/manifest.json
    OUT/.cache/<fingerprint>/                   per-document results (see ``write_cache``) and
                                                the run's ledger (``extract.ledger``)

A version is written under ``<id>.tmp``, fsynced, renamed, and only then made current, so a run
killed at any moment leaves the previous dataset readable and complete. The version before the
current one is kept for readers still holding it; older ones and abandoned ``.tmp`` folders go.

Parquet files are deterministic: rows in canonical order, row groups of a fixed number of rows
per table whatever the batching, fixed compression, nothing time-dependent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import struct
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import SCHEMA_VERSION, SORT_KEYS, TABLES

MANIFEST = "manifest.json"
STATE = "state.json"
PART = "part-0.parquet"
ROW_GROUP_ROWS = 32_768
#: Documents carry their whole body text (tens of KB each): smaller row groups keep the
#: writer's buffer, and a reader's, bounded. Fixed per table so the files stay deterministic.
TABLE_ROW_GROUP_ROWS = {"documents": 256, "appendix_rows": 8192}
_MAX_PENDING_CHUNKS = 64
DATASET_FORMAT = "vnplans-dataset/1"
_CACHE_MAGIC = b"VNPLANS-DOC/1\n"
_LENGTH = struct.Struct("<Q")
#: The body text makes a document's rows ~85 KB raw; zstd brings the cache to a fraction of that.
_IPC_OPTIONS = pa.ipc.IpcWriteOptions(compression="zstd")


class OutputError(Exception):
    """The output folder cannot be used (not writable, not a folder, or another run holds it)."""


# --- rows -> Arrow ---------------------------------------------------------------------------


def _sort_key(row: Mapping[str, object], keys: tuple[str, ...]) -> tuple:
    return tuple((row.get(k) is None, "" if row.get(k) is None else row.get(k)) for k in keys)


def to_table(name: str, rows: Iterable[Mapping[str, object]]) -> pa.Table:
    """Rows of one table in its canonical order, typed by its schema (missing keys are null)."""
    schema = TABLES[name]
    ordered = sorted(rows, key=lambda r: _sort_key(r, SORT_KEYS[name]))
    columns = {f.name: [r.get(f.name) for r in ordered] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


# --- streaming Parquet -------------------------------------------------------------------------


class TableStream:
    """Append row batches in order; the file depends only on the rows, never on the batching.

    At most one row group's worth of rows is held, so memory does not grow with the dataset.
    """

    def __init__(self, path: Path, name: str, row_group_rows: int | None = None) -> None:
        self.path = path
        self.schema = TABLES[name]
        self.rows = 0
        self._group = row_group_rows or TABLE_ROW_GROUP_ROWS.get(name, ROW_GROUP_ROWS)
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd", write_statistics=True, store_schema=True)

    def append(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        self._pending.append(table)
        self._pending_rows += table.num_rows
        if len(self._pending) >= _MAX_PENDING_CHUNKS:  # thousands of one-document chunks cost far more than rows
            self._pending = [pa.concat_tables(self._pending).combine_chunks()]
        while self._pending_rows >= self._group:
            combined = pa.concat_tables(self._pending)
            self._write(combined.slice(0, self._group))
            rest = combined.slice(self._group)
            self._pending = [rest] if rest.num_rows else []
            self._pending_rows = rest.num_rows

    def close(self) -> None:
        if self._pending_rows:
            self._write(pa.concat_tables(self._pending))
        self._pending, self._pending_rows = [], 0
        self._writer.close()

    def _write(self, table: pa.Table) -> None:
        self._writer.write_table(table.combine_chunks(), row_group_size=self._group)
        self.rows += table.num_rows


def write_table(table: pa.Table, path: Path, name: str) -> int:
    """One whole table to one file, with the same settings as the streamed ones."""
    stream = TableStream(path, name)
    stream.append(table)
    stream.close()
    return stream.rows


# --- per-document cache --------------------------------------------------------------------------


def cache_path(cache_dir: Path, sha256_hex: str) -> Path:
    return cache_dir / sha256_hex[:2] / f"{sha256_hex}.doc"


def write_cache(path: Path, summary: Mapping[str, object], tables: Mapping[str, pa.Table]) -> None:
    """One document's summary and typed tables in one file, written whole or not at all.

    Format: magic, header length, JSON header (summary and table byte lengths), then one Arrow
    IPC stream per table, stripped of the schema descriptions (they come back from TABLES).
    """
    payloads = [(name, _ipc_bytes(table)) for name, table in tables.items() if table.num_rows]
    header = json.dumps(
        {"summary": summary, "tables": [[name, len(data)] for name, data in payloads]}, sort_keys=True
    ).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(_CACHE_MAGIC + _LENGTH.pack(len(header)) + header)
        for _, data in payloads:
            handle.write(data)
    os.replace(temporary, path)


def read_cache_summary(path: Path) -> dict[str, object] | None:
    """The summary of a complete cache file; None when it is missing, truncated or foreign."""
    header = _read_header(path)
    return None if header is None else header[0]["summary"]


def read_cache_tables(path: Path) -> dict[str, pa.Table] | None:
    """The typed tables of a complete cache file; None when it is missing or damaged."""
    header = _read_header(path)
    if header is None:
        return None
    meta, offset = header
    tables: dict[str, pa.Table] = {}
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            for name, length in meta["tables"]:
                raw = pa.ipc.open_stream(pa.py_buffer(handle.read(length))).read_all()
                tables[name] = pa.Table.from_arrays(raw.columns, schema=TABLES[name])
    except (OSError, pa.ArrowException, KeyError, ValueError):
        return None
    return tables


def _read_header(path: Path) -> tuple[dict, int] | None:
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_CACHE_MAGIC)) != _CACHE_MAGIC:
                return None
            (length,) = _LENGTH.unpack(handle.read(_LENGTH.size))
            meta = json.loads(handle.read(length))
            size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError, struct.error):
        return None
    offset = len(_CACHE_MAGIC) + _LENGTH.size + length
    if not isinstance(meta, dict) or size != offset + sum(n for _, n in meta.get("tables", [])):
        return None
    return meta, offset


def _ipc_bytes(table: pa.Table) -> bytes:
    bare = pa.Table.from_arrays(table.columns, names=table.column_names)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, bare.schema, options=_IPC_OPTIONS) as stream:
        stream.write_table(bare)
    return sink.getvalue().to_pybytes()


# --- output folder, versions, commit ------------------------------------------------------------


def prepare_output(out: Path) -> None:
    """Create the output folder and prove it is writable, before any work starts. A folder that
    holds entries named like the tables (or manifest.json) and no vnplans dataset is refused:
    publishing would replace them."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"the output path {out} is a file, not a folder")
    if out.is_dir() and not (out / ".versions").is_dir():
        foreign = [name for name in [*TABLES, MANIFEST, "current"] if os.path.lexists(out / name)]
        if foreign:
            raise OutputError(
                f"the output folder {out} holds {', '.join(foreign)} but no vnplans dataset: publishing "
                "would replace them; choose another folder"
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / ".versions").mkdir(exist_ok=True)
        for folder in (out, out / ".versions"):  # the run stages its version under .versions
            probe = folder / f".probe.{uuid.uuid4().hex}"
            probe.write_bytes(b"")
            probe.unlink()
    except OSError as error:
        raise OutputError(f"cannot write the output folder {out}: {error.strerror or error}") from error


#: Lock files this process holds; forked workers close their copies (see release_inherited_locks).
_HELD_LOCKS: set[int] = set()


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One run at a time per output folder (two would interleave their commits)."""
    try:
        handle = open(out / ".lock", "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as error:
        raise OutputError(f"cannot write the output folder {out}: {error.strerror or error}") from error
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            raise OutputError(f"another vnplans run is writing {out}") from error
        _HELD_LOCKS.add(handle.fileno())
        try:
            yield
        finally:
            _HELD_LOCKS.discard(handle.fileno())


def release_inherited_locks() -> None:
    """Worker initializer: a forked worker must not keep the run's lock alive after the run dies,
    nor live on itself (holding the model's memory and the run's output pipes): it watches its
    parent and exits when the run is gone."""
    for fd in list(_HELD_LOCKS):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="vnplans-parent-watch").start()


def _exit_with(parent: int) -> None:
    """Exit this worker once its parent process is gone (killed runs leave no orphans)."""
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)


#: How often a worker checks that its run is still there.
_PARENT_POLL_SECONDS = 1.0


def remove_abandoned(out: Path) -> None:
    """Staging folders and link temporaries left by killed runs (the caller holds the lock), and
    the table links a run killed right after publishing did not make yet."""
    for entry in (out / ".versions").glob("*.tmp"):
        shutil.rmtree(entry, ignore_errors=True)
    for entry in out.glob(".current.*"):
        entry.unlink(missing_ok=True)
    if current_version(out) is not None:
        for name in [*TABLES, MANIFEST]:  # only missing ones: what a user put there is left alone here
            if not os.path.lexists(out / name):
                os.symlink(os.path.join("current", name), out / name)


def new_staging(out: Path) -> Path:
    staging = out / ".versions" / f"{uuid.uuid4().hex}.tmp"
    staging.mkdir(parents=True)
    return staging


def commit(out: Path, staging: Path, manifest: Mapping[str, object], state: Iterable[str]) -> str:
    """Seal a staged version (manifest with file checksums, the state's JSON text given in
    pieces), then make it current atomically."""
    tables: dict[str, dict[str, object]] = {}
    for name in TABLES:
        files = sorted(p.relative_to(staging).as_posix() for p in (staging / name).glob("*.parquet"))
        tables[name] = {
            "files": files,
            "rows": sum(pq.ParquetFile(staging / f).metadata.num_rows for f in files),
            "sha256": {f: _file_sha256(staging / f) for f in files},
        }
    full = {
        **manifest,
        "format": DATASET_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "state": STATE,
        "tables": tables,
        "files": {name: info["files"] for name, info in tables.items()},
    }
    with open(staging / STATE, "w", encoding="utf-8") as handle:
        handle.writelines(state)
    _write_json(staging / MANIFEST, full)
    _fsync_tree(staging)
    version = staging.with_name(staging.name.removesuffix(".tmp"))
    os.rename(staging, version)
    _fsync_dir(version.parent)
    previous = current_version(out)
    link_tmp = out / f".current.{uuid.uuid4().hex}"
    os.symlink(os.path.join(".versions", version.name), link_tmp)
    os.replace(link_tmp, out / "current")  # the one atomic step that publishes the run
    _fsync_dir(out)
    _ensure_links(out)
    _remove_old_versions(out / ".versions", keep={version.name, previous or ""})
    return version.name


def publish(out: Path, tables: Mapping[str, pa.Table], manifest: dict[str, object]) -> str:
    """Publish whole in-memory tables (small datasets, tests); ``batch`` streams instead."""
    prepare_output(out)
    staging = new_staging(out)
    for name in TABLES:
        write_table(tables.get(name, TABLES[name].empty_table()), staging / name / PART, name)
    return commit(out, staging, manifest, ["{}\n"])


def current_version(out: Path) -> str | None:
    try:
        return Path(os.readlink(out / "current")).name
    except OSError:
        return None


def read_manifest(out: Path) -> dict[str, object] | None:
    return _read_json(out / "current" / MANIFEST)


def _ensure_links(out: Path) -> None:
    for name in [*TABLES, MANIFEST]:
        link = out / name
        if link.is_symlink():
            continue
        if link.is_dir():
            shutil.rmtree(link)
        elif link.exists():
            link.unlink()
        os.symlink(os.path.join("current", name), link)


def _remove_old_versions(versions: Path, keep: set[str]) -> None:
    """Older versions and abandoned staging folders of killed runs (the caller holds the lock)."""
    for entry in versions.iterdir():
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def _write_json(path: Path, value: Mapping[str, object], indent: int | None = 1) -> None:
    """Streamed to the file: the state of a large batch would be a large string otherwise."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=indent, sort_keys=True)
        handle.write("\n")


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_tree(root: Path) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        elif path.is_dir():
            _fsync_dir(path)
    _fsync_dir(root)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
