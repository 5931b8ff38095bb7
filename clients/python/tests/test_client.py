"""The Python client against a running corpgraph (CORPGRAPH_URL: the test service, seeded with the seed graph)."""
import os

import pandas as pd
import pytest

from corpgraph import Corpgraph, CorpgraphError

URL = os.environ.get("CORPGRAPH_URL")
pytestmark = pytest.mark.skipif(not URL, reason="needs CORPGRAPH_URL (the jest integration test provides it)")


@pytest.fixture(scope="module")
def cg():
    return Corpgraph(URL)


def test_runs_any_operation_and_raises_with_the_code(cg):
    assert cg.execute('{ company(id: "twitch") { name } }') == {"company": {"name": "Twitch"}}
    with pytest.raises(CorpgraphError) as error:
        cg.execute("{ companies(first: 1000) { nodes { id } } }")
    assert error.value.code == "BAD_USER_INPUT"


def test_family_is_flat_with_depth_and_parent(cg):
    family = cg.family("amazon", as_of="2024-02-01")
    assert list(family.columns[:6]) == ["depth", "id", "name", "kind", "parent_id", "parent_name"]
    assert set(family[family.depth == 2].parent_id) == {"prime-video-and-amazon-mgm-studios"}
    twitch = family.set_index("id").loc["twitch"]
    assert twitch["since.earliest"] == pd.Timestamp("2014-01-01") and twitch["since.latest"] == pd.Timestamp("2014-12-31")
    assert twitch["since.precision"] == "YEAR"
    with pytest.raises(CorpgraphError, match="no organization"):
        cg.family("no-such-company")


def test_chain_and_path(cg):
    chain = cg.chain("twitch", as_of="2024-01-10")
    assert chain.parent_id.tolist() == ["amazon"] and chain.price.tolist() == [970000000]
    path = cg.path("dan-clancy", "andy-jassy")
    assert path["from"].tolist() == ["dan-clancy", "twitch", "amazon"]
    assert path["via"].tolist()[0] == "role-dan-clancy-twitch-ceo"


def test_layoffs_keep_bounds_and_intervals_never_made_up_values(cg):
    layoffs = cg.layoffs("amazon").set_index("id")
    assert str(layoffs["headcount.low"].dtype) == "Int64"
    amazon = layoffs.loc["layoff-2022-2023-amazon"]
    assert amazon["headcount.low"] == 27001 and pd.isna(amazon["headcount.high"])
    assert amazon["announced.earliest"] == pd.Timestamp("2022-09-01") and amazon["announced.latest"] == pd.Timestamp("2023-04-30")
    music = layoffs.loc["layoff-2023-amazon-music"]
    assert pd.isna(music["headcount.low"]) or music["headcount.low"] == 0
    assert pd.isna(music["headcount.high"])


def test_all_pages_follows_the_cursors(cg):
    one_page = cg.layoffs(first=2)
    every = cg.layoffs(first=2, all_pages=True)
    assert len(one_page) == 2
    assert len(every) == len(cg.layoffs(first=100)) > 2
    assert every.id.is_unique


def test_rollup_search_timeline(cg):
    rollup = cg.rollup("amazon", group_by="YEAR").set_index("key")
    assert rollup.loc["total", "low"] == 27902 and pd.isna(rollup.loc["total", "high"]) and rollup.loc["total", "unknown"] == 1
    assert cg.search("Twich").iloc[0].id == "twitch"
    assert "LAYOFF" in set(cg.timeline("amazon").kind)


def test_an_empty_answer_is_an_empty_frame_with_its_columns(cg):
    empty = cg.layoffs("twitch", announced_from="1990-01-01", announced_to="1990-12-31")
    assert empty.empty and "headcount.low" in empty.columns


def test_pictures(cg, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    ax = cg.draw_family(cg.family("amazon", as_of="2024-02-01"))
    ax.figure.savefig(tmp_path / "family.png")
    ax = cg.plot_rollup(cg.rollup("amazon"))
    ax.figure.savefig(tmp_path / "rollup.png")
    assert (tmp_path / "family.png").stat().st_size > 10000 and (tmp_path / "rollup.png").stat().st_size > 5000


TOKEN = os.environ.get("CORPGRAPH_TEST_TOKEN")


def test_changes_and_watch_follow_the_feed():
    if not TOKEN:
        pytest.skip("needs CORPGRAPH_TEST_TOKEN (the jest integration test provides it)")
    writer = Corpgraph(URL, token=TOKEN)
    start = writer.feed_cursor()
    layoff = "mutation($i: LayoffEventInput!) { upsertLayoffEvent(input: $i) { id } }"
    for jobs in (40, 45):
        writer.execute(layoff, {"i": {"id": "py-feed-layoff", "organizations": ["twitch"], "announced": {"on": "2024-03-01"},
                                      "headcount": {"min": jobs, "max": jobs}, "sources": [{"source": "src-twitch-blog-2024-01"}]}})
    feed = writer.changes(after=start, organizations=["amazon"], include_family=True)
    assert list(feed.kind) == ["CREATED", "UPDATED"] and set(feed.fact_id) == {"py-feed-layoff"}
    assert feed.sequence.is_monotonic_increasing and feed.attrs["cursor"]
    assert str(feed["at"].dtype).startswith("datetime64")
    # watch() yields the same changes from the same cursor, then stops when nothing more comes.
    seen = list(writer.watch(after=start, organizations=["twitch"], poll_seconds=0.1, idle_timeout=0.5))
    assert [c["sequence"] for c in seen] == list(feed.sequence)
    assert seen[1]["before"] and seen[1]["after"]
    with pytest.raises(CorpgraphError) as error:
        writer.execute("{ changes(after: \"not-a-cursor\") { nodes { sequence } } }")
    assert error.value.code == "BAD_USER_INPUT"
    # A misspelt filter is refused before anything is asked, not silently ignored.
    with pytest.raises(TypeError, match="organisations"):
        writer.changes(after=start, organisations=["amazon"])
