"""How corpgraph's values become table columns, the same way everywhere.

A fuzzy date is an interval: `<name>.earliest` and `<name>.latest` (pandas Timestamps, NaT when a
bound is unknown), `<name>.precision` and `<name>.text`, never one made-up day. An approximate
quantity is `<name>.low`, `<name>.high` (nullable integers, <NA> when a bound is open or unknown) and
`<name>.text`.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import pandas as pd


def fuzzy_date_columns(name: str, value: Mapping[str, Any] | None) -> dict[str, Any]:
    value = value or {}
    return {
        f"{name}.earliest": pd.to_datetime(value.get("earliest")) if value.get("earliest") else pd.NaT,
        f"{name}.latest": pd.to_datetime(value.get("latest")) if value.get("latest") else pd.NaT,
        f"{name}.precision": value.get("precision"),
        f"{name}.text": value.get("text"),
    }


def quantity_columns(name: str, value: Mapping[str, Any] | None) -> dict[str, Any]:
    value = value or {}
    return {
        f"{name}.low": value.get("low"),
        f"{name}.high": value.get("high"),
        f"{name}.text": value.get("text"),
    }


def frame(rows: Iterable[Mapping[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with the columns in order (also when there are no rows), bounds as nullable integers."""
    df = pd.DataFrame(list(rows), columns=columns)
    for column in columns:
        if column.endswith((".low", ".high")) or column in ("low", "high", "unknown", "events", "depth"):
            df[column] = df[column].astype("Int64")
        elif column.endswith((".earliest", ".latest")):
            df[column] = pd.to_datetime(df[column])
    return df
