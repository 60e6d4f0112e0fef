"""The learned event classifier: decides the sub-event type of an event sentence.

    from eventwire.classify import SubtypeClassifier, combine
    clf = SubtypeClassifier.load()                 # the shipped ACLED model (cached)
    probs = clf.predict_proba(["Police fired tear gas at marching students."])
    label, score = combine(rule_scores, probs[0])  # rules propose, the model decides

Sentence vectors come from an int8 MiniLM run on onnxruntime (registry packages, no torch,
nothing fetched at run time); the classifier is logistic regression stored as JSON.
"""

from __future__ import annotations

from .combine import combine
from .model import NONE_LABEL, SubtypeClassifier

__all__ = ["NONE_LABEL", "SubtypeClassifier", "combine"]
