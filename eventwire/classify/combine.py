"""How rule scores and model probabilities are combined into one sub-event type.

Policy (chosen by measurement, see bench/classify_eval.py and the README): the rules
*propose* and the model *decides*.

* The model's probabilities are the base; a sub-type the rules propose gets a bonus of
  ``RULE_WEIGHT * rule_score`` (rule scores are taken as 0..1, larger values are capped;
  pass 1.0 for the sub-type the rules chose). With RULE_WEIGHT = 0.3 the model overturns
  the rules only when it gives another label 0.3 more probability than the rules' label.
  The rules know cue words with certainty the model lacks (a "grenade" is a grenade); the
  model knows the whole sentence (the arrests after a protest make it a protest with
  intervention, not Arrests).
* The model's "none" (not an event) probability is ignored: this stage only sees sentences
  the rules already called events; rejecting events is the rule stage's job.
* With no rule proposal the model's best label is used; with no model probabilities the best
  rule proposal is used.

The returned score is the combined weight of the winner normalised over all candidates, so it
can serve as the event's confidence.
"""

from __future__ import annotations

from .model import NONE_LABEL

# Measured on the 9,000 ACLED dev rows (bench/classify_combined.py; rule proposal scored 1.0):
# rules alone 0.913 / 0.895 (event_type / sub_event_type), model alone 0.917 / 0.884,
# weight 0.2: 0.928 / 0.904, 0.3: 0.932 / 0.910, 0.5: 0.927 / 0.908, >= 1: the rules always win.
RULE_WEIGHT = 0.3


def combine(
    rule_scores: dict[str, float],
    model_probs: dict[str, float],
    rule_weight: float = RULE_WEIGHT,
) -> tuple[str, float]:
    """The chosen sub-event type and its confidence (0..1)."""
    probs = {k: max(0.0, float(v)) for k, v in model_probs.items() if k != NONE_LABEL}
    rules = {k: min(1.0, max(0.0, float(v))) for k, v in rule_scores.items() if k != NONE_LABEL}
    if not probs and not rules:
        raise ValueError("combine() needs rule scores or model probabilities")
    if not probs:
        best = max(sorted(rules), key=lambda k: rules[k])
        return best, rules[best]
    total = sum(probs.values()) or 1.0
    weights = {k: v / total for k, v in probs.items()}
    for label, score in rules.items():
        weights[label] = weights.get(label, 0.0) + rule_weight * score
    norm = sum(weights.values()) or 1.0
    best = max(sorted(weights), key=lambda k: weights[k])
    return best, weights[best] / norm
