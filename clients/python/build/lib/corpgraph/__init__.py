"""corpgraph for notebooks: run any operation, get DataFrames for the common questions, draw them.

    from corpgraph import Corpgraph
    cg = Corpgraph("http://localhost:4000/graphql")
    cg.family("amazon")
"""
from .client import Corpgraph, CorpgraphError
from .frames import fuzzy_date_columns, quantity_columns

__all__ = ["Corpgraph", "CorpgraphError", "fuzzy_date_columns", "quantity_columns"]
