"""The tables read in one call with the tools users feed them to, with their types intact."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from extract.batch import run
from schemas.tables import TABLES
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    run([str(SAMPLE)], folder, workers=1, repair=False)
    return folder


def test_pyarrow_dataset_reads_every_table_with_its_schema(out: Path) -> None:
    for name, schema in TABLES.items():
        table = ds.dataset(out / name).to_table()
        assert table.schema.remove_metadata() == schema.remove_metadata(), name


def test_pandas_reads_exact_decimals_and_dates(out: Path) -> None:
    rows = pd.read_parquet(out / "appendix_rows")
    docs = pd.read_parquet(out / "documents")
    assert len(rows) == 119 and len(docs) == 1
    first = rows.sort_values("position").iloc[0]
    assert (first["row_id"], first["max_score"], first["achieved_score"]) == ("1", Decimal("8.5"), Decimal("7.46"))
    assert docs.iloc[0]["issued_date"] == date(2022, 7, 27)


def test_duckdb_joins_the_tables(out: Path) -> None:
    query = f"""
        select d.number, sum(r.max_score) as total
        from read_parquet('{out}/appendix_rows/*.parquet') r
        join read_parquet('{out}/documents/*.parquet') d using (doc_id)
        where r.level = 1 group by d.number
    """
    assert duckdb.sql(query).fetchall() == [("434/KH-UBND", Decimal("100"))]


def test_polars_reads_a_table_folder_in_one_call(out: Path) -> None:
    rows = pl.read_parquet(out / "appendix_rows" / "*.parquet")
    assert rows.schema["max_score"] == pl.Decimal(12, 4)
    assert rows.schema["lead_units"] == pl.List(pl.String)
    first = rows.sort("position").row(0, named=True)
    assert (first["row_id"], first["max_score"]) == ("1", Decimal("8.5"))
    docs = pl.read_parquet(out / "documents" / "*.parquet")
    assert docs["issued_date"].to_list() == [date(2022, 7, 27)]


def _spark_reads(kind: pa.DataType) -> bool:
    """Parquet types Spark SQL reads without settings: signed integers, no nanosecond times,
    decimals up to 38 digits, lists and structs of those."""
    if pa.types.is_list(kind):
        return _spark_reads(kind.value_type)
    if pa.types.is_struct(kind):
        return all(_spark_reads(kind.field(i).type) for i in range(kind.num_fields))
    if pa.types.is_timestamp(kind):
        return kind.unit in ("ms", "us")
    if pa.types.is_decimal(kind):
        return kind.precision <= 38
    return (
        pa.types.is_string(kind)
        or pa.types.is_boolean(kind)
        or pa.types.is_signed_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_date32(kind)
    )


def test_every_column_has_a_type_spark_reads() -> None:
    # Spark is not installed here (it needs a JVM); what it cannot read is known: unsigned
    # integers, nanosecond timestamps, large or dictionary types
    unreadable = [
        f"{name}.{field.name}: {field.type}" for name, schema in TABLES.items() for field in schema
        if not _spark_reads(field.type)
    ]
    assert unreadable == []
