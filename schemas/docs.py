"""The README's table reference, generated from the schemas so it is never written twice."""

from __future__ import annotations

import pyarrow as pa

from schemas.tables import TABLES, describe, field_description


def _type_name(type_: pa.DataType) -> str:
    if pa.types.is_decimal(type_):
        return f"decimal({type_.precision},{type_.scale})"
    if pa.types.is_list(type_):
        return f"list<{_type_name(type_.value_type)}>"
    return str(type_)


def tables_markdown() -> str:
    parts: list[str] = []
    for name, schema in TABLES.items():
        parts.append(f"### `{name}`\n\n{describe(schema)}\n")
        parts.append("| column | type | null | description |\n|---|---|---|---|")
        for field in schema:
            null = "yes" if field.nullable else "no"
            parts.append(f"| `{field.name}` | {_type_name(field.type)} | {null} | {field_description(field)} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
