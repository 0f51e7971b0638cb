"""Audit one account on the four pillars: Face, Mix, Voice and Conversation."""

from staffpulse.audit.config import DEFAULTS, REASONS, audit_settings, grade_for
from staffpulse.audit.engine import audit_account, compute_audit, load_account_data
from staffpulse.audit.history import audit_history, previous_audit
from staffpulse.audit.signals import TextScorer, score_texts
from staffpulse.audit.types import AccountData, AuditResult, PillarResult, PostExample

__all__ = [
    "DEFAULTS",
    "REASONS",
    "AccountData",
    "AuditResult",
    "PillarResult",
    "PostExample",
    "TextScorer",
    "audit_account",
    "audit_history",
    "audit_settings",
    "compute_audit",
    "grade_for",
    "load_account_data",
    "previous_audit",
    "score_texts",
]
