"""Write the tables as Parquet, publishing all of them at once.

Every run writes a complete new version under ``OUT/.versions/<id>/<table>/part-0.parquet``,
then swaps the ``OUT/current`` symlink to it with one atomic rename. ``OUT/<table>`` are fixed
symlinks into ``current``, so ``read_parquet('OUT/<table>/*.parquet')`` always sees one
complete version: a run killed at any moment leaves the previous dataset as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import SORT_KEYS, TABLES

MANIFEST = "manifest.json"


def _sort_key(row: Mapping[str, object], keys: tuple[str, ...]) -> tuple:
    return tuple((row.get(k) is None, "" if row.get(k) is None else row.get(k)) for k in keys)


def to_table(name: str, rows: Iterable[Mapping[str, object]]) -> pa.Table:
    """Rows of one table in its canonical order, typed by its schema (missing keys are null)."""
    schema = TABLES[name]
    ordered = sorted(rows, key=lambda r: _sort_key(r, SORT_KEYS[name]))
    columns = {f.name: [r.get(f.name) for r in ordered] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def write_table(table: pa.Table, path: Path) -> None:
    """Deterministic Parquet: no timestamps in the file, fixed row group size and compression."""
    pq.write_table(
        table,
        path,
        compression="zstd",
        row_group_size=64 * 1024,
        write_statistics=True,
        store_schema=True,
    )


def publish(out: Path, tables: Mapping[str, pa.Table], manifest: dict[str, object]) -> Path:
    """Write a new version of every table and make it the current one atomically."""
    out.mkdir(parents=True, exist_ok=True)
    versions = out / ".versions"
    versions.mkdir(exist_ok=True)
    version = versions / uuid.uuid4().hex
    staging = version.with_name(version.name + ".tmp")
    staging.mkdir()
    files: dict[str, list[str]] = {}
    for name in TABLES:
        table_dir = staging / name
        table_dir.mkdir()
        write_table(tables[name], table_dir / "part-0.parquet")
        files[name] = [f"{name}/part-0.parquet"]
    (staging / MANIFEST).write_text(
        json.dumps({**manifest, "files": files}, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    _fsync_tree(staging)
    os.rename(staging, version)
    link_tmp = out / f".current.{uuid.uuid4().hex}"
    os.symlink(os.path.join(".versions", version.name), link_tmp)
    os.replace(link_tmp, out / "current")  # the one atomic step that publishes the run
    for name in TABLES:
        link = out / name
        if not link.is_symlink():
            if link.exists():
                shutil.rmtree(link) if link.is_dir() else link.unlink()
            os.symlink(os.path.join("current", name), link)
    manifest_link = out / MANIFEST
    if not manifest_link.is_symlink():
        if manifest_link.exists():
            manifest_link.unlink()
        os.symlink(os.path.join("current", MANIFEST), manifest_link)
    _remove_old_versions(versions, keep=version.name)
    return version


def read_manifest(out: Path) -> dict[str, object] | None:
    path = out / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remove_old_versions(versions: Path, keep: str) -> None:
    for entry in versions.iterdir():
        if entry.name != keep:
            shutil.rmtree(entry, ignore_errors=True)


def _fsync_tree(root: Path) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
