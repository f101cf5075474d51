"""The YAML the importers write reads back as exactly the text put in: any title, summary,
tag or id, whatever its characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from explorer.model.importers.draft import Draft
from explorer.model.importers.writer import scalar, to_yaml
from explorer.model.load.loader import load_text
from tests.helpers.fuzzing import fuzz_settings

# Text as it comes out of other tools' files: letters, digits, YAML's indicators, spaces and
# line breaks, quotes, accents, and characters the loader refuses raw (controls, U+2028).
ALPHABET = st.sampled_from(list("aZ09 -:#,[]{}&*!|>'\"%@`?~.=\\/\t\n\u00e9\u2028\u00a0\x07\ufeff") + ["no", "null", "1e3"])
TEXTS = st.lists(ALPHABET, min_size=1, max_size=12).map("".join).filter(lambda t: t.strip() != "")


@fuzz_settings(300)
@given(title=TEXTS, summary=TEXTS, tag=TEXTS)
def test_any_text_reads_back_as_written(title, summary, tag):
    title, summary, tag = (" ".join(t.split()) if t.strip() else "x" for t in (title, summary, tag))
    draft = Draft(title=title)
    draft.events.append({"title": title, "date": "2009-03", "summary": summary, "tags": [tag]})
    dataset = load_text(to_yaml(draft, ["a header"]))
    (event,) = dataset.events
    assert (dataset.title, event.title, event.summary, event.tags) == (title, title, summary, (tag,))


def test_plain_where_safe_and_quoted_where_yaml_would_misread():
    assert scalar("Battle of Hastings") == "Battle of Hastings"
    assert scalar("NO") == '"NO"' and scalar("no") == '"no"' and scalar("2009") == '"2009"'
    assert scalar("Edith Clarke: Bucking the Trend") == '"Edith Clarke: Bucking the Trend"'
    assert scalar("- a list?") == '"- a list?"' and scalar("#hash") == '"#hash"'
    assert scalar("2009-03", "date") == "2009-03"
    assert scalar("a\u2028b") == '"a\\u2028b"'
