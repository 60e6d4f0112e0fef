"""The default pipeline asks the shipped classifier only about events whose rule cue is weak;
a user's own model decides every event; ``--model none`` is the rules alone."""

import datetime as dt
import json
import subprocess
import sys

from eventwire.classify import SubtypeClassifier
from eventwire.pipeline import MODEL_GATE, Pipeline
from eventwire.records import Article

# the rules read the weak cue "killing" (an Attack); the whole sentence tells of a bomb
BOMB = ("A bomb planted on a motorcycle went off in the Tarvona market on Monday, killing "
        "three people.")
# a strong cue told as fact: the rules' reading stands
GRENADE = "A grenade was thrown at a bar in Dornia on Sunday night, injuring six people."


class Counting:
    """The shipped classifier, counting the sentences it is asked about."""

    def __init__(self) -> None:
        self.inner = SubtypeClassifier.load()
        self.calls = 0

    def predict_proba(self, sentences):
        self.calls += len(sentences)
        return self.inner.predict_proba(sentences)

    def event_type(self, label):
        return self.inner.event_type(label)


def _subs(pipe: Pipeline, text: str) -> list[str]:
    article = Article(text=text, article_id="t", published=dt.date(2026, 3, 10))
    return [e.sub_event_type for e in pipe.extract(article)]


def test_the_model_types_an_event_whose_cue_is_weak():
    assert _subs(Pipeline(classifier=None), BOMB) == ["Attack"]
    assert _subs(Pipeline(), BOMB) == ["Remote explosive/landmine/IED"]


def test_a_strong_cue_is_not_sent_to_the_model():
    pipe = Pipeline()
    spy = Counting()
    pipe._classifier = spy  # the gated default, with the model watched
    assert pipe.model_gate == MODEL_GATE
    assert _subs(pipe, GRENADE) == ["Grenade"]
    assert spy.calls == 0
    assert _subs(pipe, BOMB) == ["Remote explosive/landmine/IED"]
    assert spy.calls == 1


def test_a_users_own_model_decides_every_event():
    spy = Counting()
    pipe = Pipeline(classifier=spy)
    assert _subs(pipe, GRENADE) == ["Grenade"]
    assert spy.calls == 1


def test_a_variant_keeps_the_gated_model_and_leaves_the_original_alone():
    pipe = Pipeline()
    other = pipe.variant(focus={"KE": 1.0}, explain=True)
    assert other.model_gate == MODEL_GATE and other.explain and other.focus == {"KE": 1.0}
    assert pipe.focus == {} and not pipe.explain
    assert _subs(other, BOMB) == ["Remote explosive/landmine/IED"]


def test_extract_model_none_is_the_rules_alone(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text(BOMB + "\n", encoding="utf-8")

    def sub(*extra: str) -> str:
        res = subprocess.run([sys.executable, "-m", "eventwire", "extract", str(page),
                              "--published", "2026-03-10", "--format", "jsonl", "-q", *extra],
                             capture_output=True, timeout=300)
        assert res.returncode == 0, res.stderr.decode()
        return json.loads(res.stdout.decode().splitlines()[0])["sub_event_type"]

    assert sub() == "Remote explosive/landmine/IED"
    assert sub("--model", "none") == "Attack"


def test_pipeline_for_each_model_choice(tmp_path):
    import pytest

    from eventwire.errors import ConfigError
    from eventwire.pipeline import default_pipeline, pipeline_for

    assert pipeline_for("default") is default_pipeline()  # one shared pipeline a process
    assert pipeline_for("default", {"KE": 1.0}).focus == {"KE": 1.0}
    assert pipeline_for("none").classifier is None
    with pytest.raises(ConfigError):
        pipeline_for(str(tmp_path / "missing.json"))
