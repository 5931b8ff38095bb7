"""The corpgraph client: any operation, and DataFrames for the questions analysts ask most."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Iterator, Mapping, TypedDict, Unpack

import pandas as pd
from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.requests import RequestsHTTPTransport
from tqdm.auto import tqdm

from .frames import frame, fuzzy_date_columns, quantity_columns

DEFAULT_URL = "http://localhost:4000/graphql"
PAGE_SIZE = 100
DATE = "{ earliest latest precision text }"
CHANGE_FIELDS = "sequence cursor at by kind factId factType organizations sourceKinds before after"
CHANGES = f"""query($first: Int!, $after: String, $filter: ChangeFilterInput) {{
  changes(first: $first, after: $after, filter: $filter) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {CHANGE_FIELDS} }} }}
}}"""
COUNT = "{ low high text qualifier }"


class ChangeFilter(TypedDict, total=False):
    """The filters of changes() and watch(); each one left out sets no condition."""

    organizations: list[str]  # changes about these organizations (ids)
    include_family: bool  # ... or about any organization below them through parent links
    watched: bool  # ... or about the organizations on this API key's watch list
    fact_types: list[str]  # kinds of fact, as the schema's ChangedFactType names them
    kinds: list[str]  # kinds of change: CREATED, UPDATED, CITED, MERGED, SPLIT, LINKED, UNLINKED
    source_kinds: list[str]  # changes to facts citing a source of one of these kinds


class CorpgraphError(Exception):
    """A GraphQL error from corpgraph, with its code (BAD_USER_INPUT, QUERY_TOO_COMPLEX, ...)."""

    def __init__(self, message: str, code: str | None = None, errors: list[dict[str, Any]] | None = None):
        super().__init__(f"{code}: {message}" if code else message)
        self.code = code
        self.errors = errors or []


class Corpgraph:
    """A corpgraph service (CORPGRAPH_URL, else localhost:4000), optionally with a bearer token for writes."""

    def __init__(self, url: str | None = None, token: str | None = None, timeout: float = 60):
        self.url = url or os.environ.get("CORPGRAPH_URL", DEFAULT_URL)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        transport = RequestsHTTPTransport(url=self.url, headers=headers, timeout=timeout, retries=2)
        self._client = Client(transport=transport, fetch_schema_from_transport=False)

    # Any operation -------------------------------------------------------------------------------

    def execute(self, operation: str | Path, variables: Mapping[str, Any] | None = None, operation_name: str | None = None) -> dict[str, Any]:
        """Runs a GraphQL operation (its text, or a .graphql file) and returns its data; errors raise CorpgraphError."""
        text = Path(operation).read_text() if isinstance(operation, Path) or str(operation).endswith(".graphql") else str(operation)
        request = gql(text)
        request.variable_values = dict(variables or {})
        request.operation_name = operation_name
        try:
            return self._client.execute(request)
        except TransportQueryError as error:
            errors = list(error.errors or [])
            first = errors[0] if errors else {}
            raise CorpgraphError(first.get("message", str(error)), (first.get("extensions") or {}).get("code"), errors) from None

    def _pages(self, query: str, field: str, variables: dict[str, Any], all_pages: bool, first: int) -> Iterator[list[dict[str, Any]]]:
        """The nodes of a connection, page by page; every page when all_pages (with a progress bar), else the first."""
        after = None
        bar = None
        try:
            while True:
                data = self.execute(query, {**variables, "first": first, "after": after})[field]
                yield data["nodes"]
                info = data["pageInfo"]
                if not all_pages or not info["hasNextPage"]:
                    return
                if bar is None:
                    bar = tqdm(desc=field, unit=" rows", leave=False)
                bar.update(len(data["nodes"]))
                after = info["endCursor"]
        finally:
            if bar is not None:
                bar.close()

    # The common questions, as DataFrames ---------------------------------------------------------

    def family(self, id: str, as_of: str | None = None, depth: int = 2, match: str = "CERTAIN", limit: int = 1000) -> pd.DataFrame:
        """A corporate family, flat: each member with its depth, parent, link kind, since and whether the link is certain."""
        data = self.execute(
            f"""query($id: ID!, $asOf: Date, $depth: Int!, $match: Certainty!, $limit: Int!) {{
              corporateFamilyOf(id: $id, asOf: $asOf, depth: $depth, match: $match, limit: $limit) {{
                truncated
                members {{ depth organization {{ id name kind }} parent {{ id name }} link {{ kind inForce since {DATE} }} }}
              }}
            }}""",
            {"id": id, "asOf": as_of, "depth": depth, "match": match, "limit": limit},
        )["corporateFamilyOf"]
        if data is None:
            raise CorpgraphError(f'no organization with id "{id}"', "NOT_FOUND")
        columns = ["depth", "id", "name", "kind", "parent_id", "parent_name", "link", "in_force", *fuzzy_date_columns("since", None)]
        rows = [
            {
                "depth": m["depth"],
                "id": m["organization"]["id"],
                "name": m["organization"]["name"],
                "kind": m["organization"]["kind"],
                "parent_id": m["parent"]["id"],
                "parent_name": m["parent"]["name"],
                "link": m["link"]["kind"],
                "in_force": m["link"]["inForce"],
                **fuzzy_date_columns("since", m["link"]["since"]),
            }
            for m in data["members"]
        ]
        df = frame(rows, columns)
        df.attrs["truncated"] = data["truncated"]
        return df

    def chain(self, id: str, as_of: str | None = None, match: str = "CERTAIN") -> pd.DataFrame:
        """The ownership chain above an organization, nearest parent first, with the acquisition behind each link."""
        data = self.execute(
            f"""query($id: ID!, $asOf: Date, $match: Certainty!) {{
              ownershipChainOf(id: $id, asOf: $asOf, match: $match) {{
                links {{ depth kind inForce child {{ id name }} parent {{ id name }} since {DATE}
                        acquisition {{ id price {{ value currency text }} }} }}
              }}
            }}""",
            {"id": id, "asOf": as_of, "match": match},
        )["ownershipChainOf"]
        if data is None:
            raise CorpgraphError(f'no organization with id "{id}"', "NOT_FOUND")
        columns = ["depth", "child_id", "parent_id", "parent_name", "kind", "in_force", *fuzzy_date_columns("since", None), "acquisition", "price", "currency"]
        rows = [
            {
                "depth": link["depth"],
                "child_id": link["child"]["id"],
                "parent_id": link["parent"]["id"],
                "parent_name": link["parent"]["name"],
                "kind": link["kind"],
                "in_force": link["inForce"],
                **fuzzy_date_columns("since", link["since"]),
                "acquisition": (link["acquisition"] or {}).get("id"),
                "price": ((link["acquisition"] or {}).get("price") or {}).get("value"),
                "currency": ((link["acquisition"] or {}).get("price") or {}).get("currency"),
            }
            for link in data["links"]
        ]
        return frame(rows, columns)

    def layoffs(
        self,
        organization: str | None = None,
        include_subsidiaries: bool = True,
        announced_from: str | None = None,
        announced_to: str | None = None,
        market: str | None = None,
        all_pages: bool = False,
        first: int = PAGE_SIZE,
    ) -> pd.DataFrame:
        """Layoff events with their organizations, dates as intervals and headcounts as bounds; all_pages follows the cursors."""
        query = f"""query($first: Int!, $after: String, $filter: LayoffFilter) {{
          layoffEvents(first: $first, after: $after, filter: $filter) {{
            pageInfo {{ hasNextPage endCursor }}
            nodes {{ id organizations {{ id name }} announced {DATE} headcount {COUNT} shareOfWorkforce
                    sources {{ quote source {{ title }} }} }}
          }}
        }}"""
        announced = {"from": announced_from, "to": announced_to} if (announced_from or announced_to) else None
        filter_ = {"organization": organization, "includeSubsidiaries": include_subsidiaries if organization else False, "market": market, "announced": announced}
        columns = ["id", "organizations", *fuzzy_date_columns("announced", None), *quantity_columns("headcount", None), "share_of_workforce", "sources"]
        rows = [
            {
                "id": e["id"],
                "organizations": "; ".join(o["name"] for o in e["organizations"]),
                **fuzzy_date_columns("announced", e["announced"]),
                **quantity_columns("headcount", e["headcount"]),
                "share_of_workforce": e["shareOfWorkforce"],
                "sources": "; ".join(s["source"]["title"] for s in e["sources"]),
            }
            for page in self._pages(query, "layoffEvents", {"filter": filter_}, all_pages, first)
            for e in page
        ]
        return frame(rows, columns)

    def rollup(self, id: str, group_by: str = "YEAR", match: str = "POSSIBLE") -> pd.DataFrame:
        """A family's layoff roll-up: per group the number of events, low and high totals and how many counts are unknown.

        The last rows are the total and, beside it, what the total left out (key "left-out": with
        match="CERTAIN", the events of members only possibly in the family on the day); the same
        left-out figures are in the frame's attrs["left_out"].
        """
        data = self.execute(
            """query($id: ID!, $groupBy: RollupGrouping!, $match: Certainty!) {
              layoffRollupOf(id: $id, groupBy: $groupBy, match: $match) {
                groups { key label events low high unknownCount } total { key label events low high unknownCount }
                leftOut { key label events low high unknownCount eventIds }
              }
            }""",
            {"id": id, "groupBy": group_by, "match": match},
        )["layoffRollupOf"]
        if data is None:
            raise CorpgraphError(f'no organization with id "{id}"', "NOT_FOUND")
        rows = [
            {"key": g["key"], "label": g["label"], "events": g["events"], "low": g["low"], "high": g["high"], "unknown": g["unknownCount"]}
            for g in [*data["groups"], data["total"], data["leftOut"]]
        ]
        result = frame(rows, ["key", "label", "events", "low", "high", "unknown"])
        left = data["leftOut"]
        result.attrs["left_out"] = {
            "events": left["events"],
            "low": left["low"],
            "high": left["high"],
            "unknown": left["unknownCount"],
            "event_ids": left["eventIds"],
        }
        return result

    def search(self, text: str, types: list[str] | None = None, limit: int = 10) -> pd.DataFrame:
        """Search hits, best first: type, id, name and score."""
        hits = self.execute(
            """query($text: String!, $types: [EntityType!], $first: Int!) {
              search(text: $text, types: $types, first: $first) {
                type score node { id ... on Organization { name } ... on Person { name } ... on Market { name } ... on Source { title } }
              }
            }""",
            {"text": text, "types": types, "first": limit},
        )["search"]
        rows = [{"type": h["type"], "id": h["node"]["id"], "name": h["node"].get("name") or h["node"].get("title"), "score": h["score"]} for h in hits]
        return frame(rows, ["type", "id", "name", "score"])

    def timeline(self, id: str, include_family: bool = True) -> pd.DataFrame:
        """What happened to an organization (and its family), in order of the date intervals."""
        events = self.execute(
            f"""query($id: ID!, $family: Boolean!) {{
              timelineOf(id: $id, includeFamily: $family) {{ kind summary date {DATE} organization {{ id name }} subject {{ id }} }}
            }}""",
            {"id": id, "family": include_family},
        )["timelineOf"]
        rows = [
            {"kind": e["kind"], **fuzzy_date_columns("date", e["date"]), "organization": e["organization"]["name"], "summary": e["summary"], "subject": e["subject"]["id"]}
            for e in events
        ]
        return frame(rows, ["kind", *fuzzy_date_columns("date", None), "organization", "summary", "subject"])

    # The change feed -----------------------------------------------------------------------------

    @staticmethod
    def _change_filter(filters: Mapping[str, Any]) -> dict[str, Any]:
        unknown = set(filters) - set(ChangeFilter.__annotations__)
        if unknown:
            raise TypeError(f"unknown change filter {', '.join(sorted(unknown))}; the filters are {', '.join(ChangeFilter.__annotations__)}")

        def listed(name: str) -> list[str] | None:
            return list(filters[name]) if filters.get(name) else None

        return {
            "organizations": listed("organizations"),
            "includeFamily": filters.get("include_family", False),
            "watched": filters.get("watched", False),
            "factTypes": listed("fact_types"),
            "kinds": listed("kinds"),
            "sourceKinds": listed("source_kinds"),
        }

    def feed_cursor(self) -> str:
        """The change feed's cursor of now: pass it as after to read only what commits from here on."""
        return self.execute("{ changeFeed { cursor } }")["changeFeed"]["cursor"]

    def changes(
        self,
        after: str | None = None,
        **filters: Unpack[ChangeFilter],
    ) -> pd.DataFrame:
        """Every change after a cursor (None: from the oldest kept), in commit order, one row each, with a progress bar
        when long, filtered as ChangeFilter says. The frame's attrs["cursor"] is where it read through: pass it as after
        next time."""
        filter_ = self._change_filter(filters)
        columns = ["sequence", "at", "kind", "fact_type", "fact_id", "organizations", "source_kinds", "by", "before", "after", "cursor"]
        rows: list[dict[str, Any]] = []
        cursor = after
        bar = None
        try:
            while True:
                page = self.execute(CHANGES, {"first": PAGE_SIZE, "after": cursor, "filter": filter_})["changes"]
                rows.extend(self._change_row(c) for c in page["nodes"])
                cursor = page["pageInfo"]["endCursor"]
                if not page["pageInfo"]["hasNextPage"]:
                    break
                if bar is None:
                    bar = tqdm(desc="changes", unit=" changes", leave=False)
                bar.update(len(page["nodes"]))
        finally:
            if bar is not None:
                bar.close()
        out = frame(rows, columns)
        if len(out):
            out["at"] = pd.to_datetime(out["at"], utc=True)
        out.attrs["cursor"] = cursor
        return out

    def watch(
        self,
        after: str | None = None,
        poll_seconds: float = 1.0,
        idle_timeout: float | None = None,
        **filters: Unpack[ChangeFilter],
    ) -> Iterator[dict[str, Any]]:
        """Yields each change as it commits (a dict, with its cursor), in commit order, each once: it polls the
        changes connection from the last change yielded, so a dropped connection or a restarted service loses
        nothing. after=None: from now. Ends after idle_timeout seconds without a change, if given; a cursor that
        retention overtook raises CorpgraphError with code CHANGES_EXPIRED. Filtered as ChangeFilter says."""
        filter_ = self._change_filter(filters)
        cursor = after if after is not None else self.feed_cursor()
        quiet_since = time.monotonic()
        while True:
            page = self.execute(CHANGES, {"first": PAGE_SIZE, "after": cursor, "filter": filter_})["changes"]
            for change in page["nodes"]:
                yield change
            cursor = page["pageInfo"]["endCursor"]
            if page["nodes"]:
                quiet_since = time.monotonic()
            if page["pageInfo"]["hasNextPage"]:
                continue
            if idle_timeout is not None and time.monotonic() - quiet_since >= idle_timeout:
                return
            time.sleep(poll_seconds)

    @staticmethod
    def _change_row(c: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "sequence": int(c["sequence"]),
            "at": c["at"],
            "kind": c["kind"],
            "fact_type": c["factType"],
            "fact_id": c["factId"],
            "organizations": "; ".join(c["organizations"]),
            "source_kinds": "; ".join(c["sourceKinds"]),
            "by": c["by"],
            "before": c["before"],
            "after": c["after"],
            "cursor": c["cursor"],
        }

    def path(self, from_: str, to: str, max_hops: int | None = None) -> pd.DataFrame:
        """The shortest connections between two entities through people and organizations: one row per step, with its sources."""
        result = self.execute(
            """query($from: ID!, $to: ID!, $maxHops: Int) {
              path(from: $from, to: $to, maxHops: $maxHops) {
                paths { steps { from { id } relationship direction to { id } via { id } sources { quote source { title } } } }
              }
            }""",
            {"from": from_, "to": to, "maxHops": max_hops},
        )["path"]
        rows = [
            {
                "path": i,
                "step": j,
                "from": s["from"]["id"],
                "relationship": s["relationship"],
                "direction": s["direction"],
                "to": s["to"]["id"],
                "via": (s["via"] or {}).get("id"),
                "sources": "; ".join(c["source"]["title"] for c in s["sources"]),
            }
            for i, p in enumerate(result["paths"])
            for j, s in enumerate(p["steps"])
        ]
        return frame(rows, ["path", "step", "from", "relationship", "direction", "to", "via", "sources"])

    # Pictures ------------------------------------------------------------------------------------

    def draw_family(self, family: pd.DataFrame, root: str | None = None, ax: Any = None) -> Any:
        """The family as a network: each member linked to its parent, subsidiaries solid and divisions dashed."""
        from .plots import draw_family

        return draw_family(family, root=root, ax=ax)

    def plot_rollup(self, rollup: pd.DataFrame, ax: Any = None) -> Any:
        """The roll-up as bars from the low total to the high one (open when no upper bound is known)."""
        from .plots import plot_rollup

        return plot_rollup(rollup, ax=ax)
