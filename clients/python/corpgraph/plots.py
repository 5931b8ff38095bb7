"""Pictures for notebooks: a family as a network (networkx + matplotlib), a roll-up as a chart."""
from __future__ import annotations

from typing import Any

import textwrap

import pandas as pd


def draw_family(family: pd.DataFrame, root: str | None = None, ax: Any = None) -> Any:
    """Each member linked to its parent, laid out top-down by depth; subsidiaries solid, divisions dashed."""
    import matplotlib.pyplot as plt
    import networkx as nx

    graph = nx.DiGraph()
    for row in family.itertuples(index=False):
        graph.add_node(row.parent_id, label=row.parent_name)
        graph.add_node(row.id, label=row.name)
        graph.add_edge(row.parent_id, row.id, kind=row.link)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 6))
    if not graph.number_of_nodes():
        ax.set_axis_off()
        ax.set_title("no members")
        return ax
    top = root or next(n for n in graph.nodes if graph.in_degree(n) == 0)
    depth = nx.single_source_shortest_path_length(graph, top)
    for node, level in depth.items():
        graph.nodes[node]["layer"] = level
    for node in graph.nodes:
        graph.nodes[node].setdefault("layer", 0)
    pos = nx.multipartite_layout(graph, subset_key="layer", align="horizontal")
    pos = {n: (x, -y) for n, (x, y) in pos.items()}
    for kind, style in (("SUBSIDIARY", "solid"), ("DIVISION", "dashed")):
        edges = [(u, v) for u, v, k in graph.edges(data="kind") if k == kind]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, style=style, ax=ax, arrows=False)
    nx.draw_networkx_nodes(graph, pos, node_color=["#d95f02" if n == top else "#7570b3" for n in graph.nodes], node_size=300, ax=ax)
    # Labels below their node, wrapped, and on alternate lines where a layer is crowded, so that they do not overlap.
    for layer in {graph.nodes[n]["layer"] for n in graph.nodes}:
        row = sorted((n for n in graph.nodes if graph.nodes[n]["layer"] == layer), key=lambda n: pos[n][0])
        for i, node in enumerate(row):
            x, y = pos[node]
            text = textwrap.fill(graph.nodes[node].get("label") or node, 16)
            ax.annotate(text, (x, y), xytext=(0, -14 - (i % 2) * 22 * (len(row) > 4)), textcoords="offset points", ha="center", va="top", fontsize=8)
    ax.margins(x=0.12, y=0.2)
    ax.set_axis_off()
    ax.set_title(f"Corporate family of {graph.nodes[top].get('label') or top} (solid: subsidiary, dashed: division)")
    return ax


def plot_rollup(rollup: pd.DataFrame, ax: Any = None) -> Any:
    """Bars from the low total to the high one per group; an open upper bound is drawn as an arrow up."""
    import matplotlib.pyplot as plt

    groups = rollup[~rollup["key"].isin(["total", "left-out"])].reset_index(drop=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    low = groups["low"].astype(float)
    ax.bar(groups["label"], low, color="#1b9e77", label="at least")
    high = groups["high"].astype("Float64")
    known = high.notna()
    if known.any():
        ax.bar(groups["label"][known], (high[known] - low[known]).astype(float), bottom=low[known], color="#a6dba0", label="up to")
    for i in groups.index[~known]:
        ax.annotate("no upper bound", (i, low[i]), xytext=(0, 14), textcoords="offset points", ha="center", fontsize=8, arrowprops={"arrowstyle": "<-"})
    for i, unknown in zip(groups.index, groups["unknown"]):
        if unknown:
            ax.annotate(f"+{unknown} unknown", (i, 0), xytext=(0, -24), textcoords="offset points", ha="center", fontsize=8)
    ax.set_ylabel("jobs cut")
    ax.legend()
    return ax
