"""Role tagging: organization or person, and what role an account plays in the hiring world.

Roles (``ROLES``): ``staffing_firm``, ``recruiter`` (a person), ``hr_pro``, ``vendor`` (ATS or
HR-tech maker, trainer, funder), ``job_board`` (job board or job-ad bot), ``employer``,
``job_seeker`` and ``other``. The first four form the *industry group* that the Connect pillar
looks for.

The model is hierarchical and linear (see ``docs/models/roles.md``):

1. **org head**: organization vs person, trained on the CrowdFlower brand/male/female labels;
2. **kind head**: refines that probability with two-annotator kind labels, taking the org
   head's logit as one more feature;
3. **role head**: a class-balanced multinomial logistic regression over the same features plus
   the org head's probability.

All three read the stateless features of :mod:`staffpulse.signals.role_features`.

Usage::

    from staffpulse.signals.roles import ROLES, load_role_model
    model = load_role_model()
    out = model.predict(names, bios, texts)   # RolePredictions
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import numpy as np
import scipy.sparse as sp

from staffpulse.errors import ModelError
from staffpulse.models import INDUSTRY_ROLES, ROLES
from staffpulse.signals.role_features import AccountFeaturizer, HashingParams, prepare, sample_posts
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_linear import fit_head, logit
from staffpulse.signals.role_params import EstimatorParams, not_fitted
from staffpulse.signals.role_predictions import RolePredictions
from staffpulse.signals.role_rules import (
    ORG_ONLY_ROLES,
    PERSON_ONLY_ROLES,
    RULES,
    apply_rules,
    fit_kinds_and_roles,
    harmonize_roles,
)

ARTIFACT_DIR = Path(__file__).resolve().parent / "artifacts"
ARTIFACT_STEM = "roles_model"
__all__ = [
    "INDUSTRY_ROLES",
    "ORG_ONLY_ROLES",
    "PERSON_ONLY_ROLES",
    "ROLES",
    "LabeledAccounts",
    "RolePredictions",
    "RoleTagger",
    "TextInput",  # the posts argument of the tagger's methods (signals.role_inputs)
    "harmonize_roles",
    "load_role_model",
    "load_role_model_or_none",
]
log = logging.getLogger(__name__)


@dataclass
class LabeledAccounts:
    """Training rows: the three inputs, an org flag, an optional role and a weight."""

    names: list[str]
    bios: list[str]
    texts: list[str]
    is_org: np.ndarray
    roles: list[str] | None = None
    weight: np.ndarray = field(default_factory=lambda: np.ones(0))

    def __post_init__(self) -> None:
        n = len(self.names)
        if len(self.bios) != n or len(self.texts) != n or len(self.is_org) != n:
            raise ValueError("names, bios, texts and is_org must have the same length")
        if self.roles is not None:
            if len(self.roles) != n:
                raise ValueError("roles must have one entry per account")
            unknown = sorted(set(self.roles) - set(ROLES))
            if unknown:
                raise ValueError(f"unknown roles: {unknown}")
        if len(self.weight) == 0:
            self.weight = np.ones(n)
        elif len(self.weight) != n:
            raise ValueError("weight must have one entry per account")

    def __len__(self) -> int:
        return len(self.names)

    def subset(self, index: Sequence[int] | np.ndarray) -> LabeledAccounts:
        idx = np.asarray(index, dtype=int)
        return LabeledAccounts(
            names=[self.names[i] for i in idx],
            bios=[self.bios[i] for i in idx],
            texts=[self.texts[i] for i in idx],
            is_org=np.asarray(self.is_org)[idx],
            roles=None if self.roles is None else [self.roles[i] for i in idx],
            weight=np.asarray(self.weight)[idx],
        )

    def with_postless_copies(self, weight: float) -> LabeledAccounts:
        """These rows plus a copy of each without its posts, at ``weight`` times its weight.

        ``roles`` input may come without posts (a bio-only list, a handle stored for later);
        trained only on accounts with a tweet, the model read missing posts as a sign of a
        person and called vendors' and job boards' bios persons (Lever, Workday, Indeed)."""
        if weight <= 0:
            return self
        copies = LabeledAccounts(
            names=self.names,
            bios=self.bios,
            texts=[""] * len(self),
            is_org=self.is_org,
            roles=self.roles,
            weight=np.asarray(self.weight, dtype=np.float64) * weight,
        )
        return LabeledAccounts.concat([self, copies])

    @staticmethod
    def concat(parts: Sequence[LabeledAccounts]) -> LabeledAccounts:
        with_roles = all(p.roles is not None for p in parts)
        return LabeledAccounts(
            names=[x for p in parts for x in p.names],
            bios=[x for p in parts for x in p.bios],
            texts=[x for p in parts for x in p.texts],
            is_org=np.concatenate([np.asarray(p.is_org, dtype=bool) for p in parts]),
            roles=[x for p in parts for x in (p.roles or [])] if with_roles else None,
            weight=np.concatenate([np.asarray(p.weight, dtype=np.float64) for p in parts]),
        )


class RoleTagger(EstimatorParams):
    """Hierarchical org/person + role tagger (scikit-learn contract: ``__init__`` stores the
    parameters, ``get_params``/``set_params`` come from ``role_params.EstimatorParams``,
    so ``sklearn.base.clone`` works without tagging importing scikit-learn; fit returns self)."""

    def __init__(
        self,
        *,
        C_org: float = 1.0,
        C_kind: float = 1.0,
        C_role: float = 1.0,
        cue_weight: float = 2.0,
        text_weight: float = 0.5,
        org_threshold: float = 0.5,
        consistent_roles: bool = True,
        product_bios: bool = True,
        agency_feeds: bool = True,
        placement_bios: bool = True,
        vendor_bios: bool = True,
        care_bios: bool = True,
        hiring_words: bool = True,
        first_person: bool = True,
        personal_bios: bool = True,
        recruiter_titles: bool = True,
        former_titles: bool = True,
        founder_bios: bool = True,
        coach_bios: bool = True,
        sports_bios: bool = True,
        recruiter_posts: bool = True,
        foreign_titles: bool = True,
        political_bios: bool = True,
        news_bios: bool = True,
        job_bots: bool = True,
        name_bits: int = 16,
        word_bits: int = 18,
        char_bits: int = 18,
    ) -> None:
        self.C_org = C_org
        self.C_kind = C_kind
        self.C_role = C_role
        self.cue_weight = cue_weight
        self.text_weight = text_weight
        self.org_threshold = org_threshold
        self.consistent_roles = consistent_roles
        self.product_bios = product_bios
        self.agency_feeds = agency_feeds
        self.placement_bios = placement_bios
        self.vendor_bios = vendor_bios
        self.care_bios = care_bios
        self.hiring_words = hiring_words
        self.first_person = first_person
        self.personal_bios = personal_bios
        self.recruiter_titles = recruiter_titles
        self.former_titles = former_titles
        self.founder_bios = founder_bios
        self.coach_bios = coach_bios
        self.sports_bios = sports_bios
        self.recruiter_posts = recruiter_posts
        self.foreign_titles = foreign_titles
        self.political_bios = political_bios
        self.news_bios = news_bios
        self.job_bots = job_bots
        self.name_bits = name_bits
        self.word_bits = word_bits
        self.char_bits = char_bits

    @property
    def _featurizer(self) -> AccountFeaturizer:
        """The featurizer of the current parameters (rebuilt after ``set_params``)."""
        hashing = HashingParams(self.name_bits, self.word_bits, self.char_bits)
        key = (hashing, self.cue_weight, self.text_weight)
        cached = self.__dict__.get("_featurizer_cache")
        if cached is None or cached[0] != key:
            featurizer = AccountFeaturizer(
                hashing, cue_weight=self.cue_weight, text_weight=self.text_weight
            )
            cached = self.__dict__["_featurizer_cache"] = (key, featurizer)
        return cast(AccountFeaturizer, cached[1])

    # -- features ---------------------------------------------------------------------------
    def features(
        self, names: Sequence[str | None], bios: Sequence[str | None], texts: Sequence[TextInput]
    ) -> sp.csr_matrix:
        """Hashed + cue features ``[n, n_features]`` of raw accounts."""
        if not (len(names) == len(bios) == len(texts)):
            raise ValueError("names, bios and texts must have the same length")
        samples = [sample_posts(t) for t in texts]
        accounts = prepare(
            [n or "" for n in names],
            [b or "" for b in bios],
            [s for s, _ in samples],
            [k for _, k in samples],
        )
        return self._featurizer.transform(accounts)

    @staticmethod
    def _augment(X: sp.csr_matrix, p_org: np.ndarray) -> sp.csr_matrix:
        extra = np.c_[logit(p_org) / 4.0, p_org].astype(np.float32)
        return sp.hstack([X, sp.csr_matrix(extra)], format="csr")

    # -- training ---------------------------------------------------------------------------
    def fit(
        self,
        org_data: LabeledAccounts,
        role_data: LabeledAccounts,
        kind_data: LabeledAccounts | None = None,
    ) -> RoleTagger:
        """Fit the org head on ``org_data``, then the role and kind heads (see ``fit_heads``).

        Rows of ``role_data``/``kind_data`` should not be in ``org_data``: the org head's
        probability is one of their features and must be out of sample.
        """
        return self.fit_org(org_data).fit_heads(role_data, kind_data)

    def fit_org(self, org_data: LabeledAccounts) -> RoleTagger:
        """Fit the org head alone (organization vs person)."""
        X_org = self.features(org_data.names, org_data.bios, org_data.texts)
        self.org_head_ = fit_head(
            X_org,
            np.asarray(org_data.is_org, dtype=int),
            n_classes=2,
            C=self.C_org,
            sample_weight=org_data.weight,
        )
        return self

    def fit_heads(
        self, role_data: LabeledAccounts, kind_data: LabeledAccounts | None = None
    ) -> RoleTagger:
        """(Re)fit the role and kind heads on top of an already fitted org head.

        ``role_data`` must carry roles; ``kind_data`` (default: ``role_data``) trains the kind
        head. Used by cross-validation, where the org head stays fixed across folds.
        """
        if not hasattr(self, "org_head_"):
            raise not_fitted("fit_heads needs a fitted org head; call fit() first")
        if role_data.roles is None:
            raise ValueError("role_data needs roles")
        X_role = self.features(role_data.names, role_data.bios, role_data.texts)
        Z_role = self._augment(X_role, self.org_head_.predict_proba(X_role))
        y_role = np.array([ROLES.index(r) for r in role_data.roles])
        self.role_head_ = fit_head(
            Z_role,
            y_role,
            n_classes=len(ROLES),
            C=self.C_role,
            sample_weight=role_data.weight,
            balanced=True,
        )
        if kind_data is None:
            Z_kind, kind_rows = Z_role, role_data
        else:
            X_kind = self.features(kind_data.names, kind_data.bios, kind_data.texts)
            Z_kind, kind_rows = (
                self._augment(X_kind, self.org_head_.predict_proba(X_kind)),
                kind_data,
            )
        self.kind_head_ = fit_head(
            Z_kind,
            np.asarray(kind_rows.is_org, dtype=int),
            n_classes=2,
            C=self.C_kind,
            sample_weight=kind_rows.weight,
        )
        self.classes_ = np.array(ROLES)
        self.n_features_in_ = int(Z_role.shape[1])
        return self

    def org_probability(
        self, names: Sequence[str | None], bios: Sequence[str | None], texts: Sequence[TextInput]
    ) -> np.ndarray:
        """P(org) from the org head alone (the CrowdFlower-trained first stage)."""
        if not hasattr(self, "org_head_"):
            raise not_fitted("RoleTagger is not fitted")
        return self.org_head_.predict_proba(self.features(names, bios, texts))

    # -- inference --------------------------------------------------------------------------
    def _check_fitted(self) -> None:
        if not hasattr(self, "role_head_"):
            raise not_fitted("RoleTagger is not fitted; call fit() or load_role_model()")

    def predict(
        self,
        names: Sequence[str | None],
        bios: Sequence[str | None],
        texts: Sequence[TextInput] | None = None,
    ) -> RolePredictions:
        """Tag accounts. ``texts`` items may be one post, a list of posts, or None."""
        self._check_fitted()
        posts: Sequence[TextInput] = [None] * len(names) if texts is None else texts
        if len(names) == 0:
            return RolePredictions(np.zeros(0), [], [], np.zeros((0, len(ROLES))))
        X = self.features(names, bios, posts)
        p_first = self.org_head_.predict_proba(X)
        Z = self._augment(X, p_first)
        p_org = self.kind_head_.predict_proba(Z)
        scores = self.role_head_.predict_proba(Z)
        if self.consistent_roles:
            scores = harmonize_roles(scores, p_org)
        # prior knowledge the labels lack, after the heads (role_rules.py)
        switches = {rule: bool(getattr(self, rule)) for rule in RULES}
        p_org, scores = apply_rules(names, bios, posts, p_org, scores, **switches)
        if self.consistent_roles:  # no person tagged employer, no organization recruiter
            p_org, scores = fit_kinds_and_roles(p_org, scores, self.org_threshold)
        kind = ["org" if p >= self.org_threshold else "person" for p in p_org]
        role = [ROLES[i] for i in scores.argmax(axis=1)]
        return RolePredictions(
            p_org=p_org, kind=kind, role=role, role_scores=scores, org_threshold=self.org_threshold
        )

    def predict_proba(
        self,
        names: Sequence[str | None],
        bios: Sequence[str | None],
        texts: Sequence[TextInput] | None = None,
    ) -> np.ndarray:
        """Role scores ``[n, len(ROLES)]`` (columns in ``ROLES`` order)."""
        return self.predict(names, bios, texts).role_scores


def load_role_model(directory: Path | str | None = None, stem: str = ARTIFACT_STEM) -> RoleTagger:
    """Load the shipped tagger (cached). Raises ModelError when missing or corrupt."""
    return _load_cached(str(Path(directory) if directory is not None else ARTIFACT_DIR), stem)


@functools.lru_cache(maxsize=4)
def _load_cached(directory: str, stem: str) -> RoleTagger:
    from staffpulse.signals.role_artifact import load_tagger

    return load_tagger(Path(directory), stem)


# the artifacts whose failure to load was logged, so a run that asks again is told once
_UNAVAILABLE_TOLD: set[tuple[str, str]] = set()


def load_role_model_or_none(
    directory: Path | str | None = None, stem: str = ARTIFACT_STEM
) -> RoleTagger | None:
    """The tagger for callers that can do without roles (listening's bio cues, Connect's graph
    alone), or None when its artifact cannot be loaded: the reason is logged once, as a
    warning, rather than lost. Callers that need roles use :func:`load_role_model`.

    Only :func:`load_role_model` caches the tagger, so both always hand out the same one."""
    try:
        return load_role_model(directory, stem)
    except (ModelError, OSError) as exc:  # OSError: an artifact file that cannot be read
        where = (str(directory if directory is not None else ARTIFACT_DIR), stem)
        if where not in _UNAVAILABLE_TOLD:
            _UNAVAILABLE_TOLD.add(where)
            log.warning("role model unavailable, roles unknown: %s", exc)
        return None
