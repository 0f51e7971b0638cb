"""Face: what the avatar shows, whether the bio is filled in, whether the name reads as human."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from staffpulse.audit.types import PillarResult
from staffpulse.errors import MissingExtraError, StaffpulseError
from staffpulse.models import Account

LABEL_WORDS = {
    "person": "a person",
    "logo": "a logo or wordmark",
    "default": "the platform's default picture",
    "other": "something else (neither a face nor a logo)",
}
_ORG_WORDS = re.compile(
    r"\b(staffing|staff|solutions?|group|inc|llc|ltd|gmbh|corp|corporation|company|co|jobs?|"
    r"careers?|talent|recruit\w*|workforce|services|agency|partners|temps?|hiring|official|"
    r"consulting|resources|hr|network|news|wire|global|international|associates|personnel|"
    r"employment|search|labs?|software|systems|tech|academy|institute|capital)\b",
    re.IGNORECASE,
)
_PERSON_AT_ORG = re.compile(r"^\s*[A-Z][a-z'’-]+(\s[A-Z][a-z'’-]+)?\s*(@|at|from|\||-|–|—|,)\s*\S")
_DEFAULT_URL = re.compile(r"default_profile|/missing\.png|default[-_]avatar|/avatar_default", re.I)
IMAGE_HINT = "run: pip install 'staffpulse[image]'"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class AvatarInfo:
    label: str | None
    confidence: float
    source: str
    note: str | None = None
    file: str | None = None


def name_score(display_name: str) -> tuple[float, str]:
    """How much the display name reads as a human (1.0) rather than a brand (0.3)."""
    name = display_name.strip()
    if not name:
        return 0.0, "no display name"
    if _PERSON_AT_ORG.match(name):
        return 1.0, "a person's name with the firm"
    words = _WORD.findall(name)
    if _ORG_WORDS.search(name):
        return 0.3, "a company name"
    if name.isupper() and len(name) > 3:
        return 0.3, "all capitals, reads as a brand"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return 1.0, "reads as a person's name"
    if len(words) == 1:
        return 0.6, "a single word: could be a person or a brand"
    return 0.5, "unclear whether a person or a brand"


def bio_score(bio: str, min_chars: int) -> tuple[float, str]:
    text = bio.strip()
    if not text:
        return 0.0, "empty"
    if len(text) < min_chars:
        return 0.5, f"short ({len(text)} characters)"
    return 1.0, f"filled in ({len(text)} characters)"


def _metadata_default(account: Account) -> bool:
    return bool(account.avatar_url and _DEFAULT_URL.search(account.avatar_url))


def _signal_says_default(avatar_signal: ModuleType, account: Account) -> bool:
    """The avatar signal's metadata rule (placeholder URLs of X and Mastodon)."""
    rule = getattr(avatar_signal, "default_from_metadata", None)
    if rule is None:
        return False
    try:
        verdict: Any = rule(account.platform, account.avatar_url)
    except (TypeError, AttributeError, ValueError, StaffpulseError):
        return False
    if isinstance(verdict, bool):
        return verdict
    return getattr(verdict, "label", None) == "default"


def _load_signal() -> tuple[ModuleType | None, str | None]:
    try:
        return importlib.import_module("staffpulse.signals.avatar"), None
    except ImportError:
        return None, "the avatar model is not installed"
    except MissingExtraError as exc:
        return None, f"image check skipped; {exc.hint or IMAGE_HINT}"


def _from_verdict(verdict: Any, path: str) -> AvatarInfo:
    label = getattr(verdict, "label", None)
    if label is None:
        error = getattr(verdict, "error", None) or "the image could not be read"
        return AvatarInfo(None, 0.0, "image model", note=str(error), file=path)
    conf = float(getattr(verdict, "confidence", 0.0) or 0.0)
    return AvatarInfo(str(label), conf, "image model (on this machine)", file=path)


def _classify_one(avatar_signal: ModuleType, path: str) -> AvatarInfo:
    try:
        return _from_verdict(avatar_signal.classify_avatar(path), path)
    except MissingExtraError as exc:
        note = f"image check skipped; {exc.hint or IMAGE_HINT}"
        return AvatarInfo(None, 0.0, "skipped", note=note, file=path)
    except StaffpulseError as exc:
        return AvatarInfo(None, 0.0, "image model", note=exc.message, file=path)
    except Exception as exc:  # an optional signal must never sink the whole audit
        note = f"the avatar check failed ({type(exc).__name__}: {exc})"
        return AvatarInfo(None, 0.0, "image model", note=note, file=path)


def _classify(avatar_signal: ModuleType, paths: list[str]) -> list[AvatarInfo]:
    """Run the image model on every path: one batch call when offered, else one by one."""
    batch = getattr(avatar_signal, "classify_avatars", None)
    if batch is not None and len(paths) > 1:
        try:
            verdicts = list(batch(paths))
        except MissingExtraError as exc:
            note = f"image check skipped; {exc.hint or IMAGE_HINT}"
            return [AvatarInfo(None, 0.0, "skipped", note=note, file=path) for path in paths]
        except Exception:  # the batch path failed: each image gets its own chance below
            pass
        else:
            return [_from_verdict(v, path) for v, path in zip(verdicts, paths, strict=True)]
    return [_classify_one(avatar_signal, path) for path in paths]


def avatar_infos(accounts: list[Account]) -> list[AvatarInfo]:
    """The avatar verdict of each account: placeholder metadata first, then the image model."""
    avatar_signal, missing = _load_signal()
    out: list[AvatarInfo | None] = []
    pending: list[tuple[int, str]] = []
    for account in accounts:
        is_default = _metadata_default(account)
        if avatar_signal is not None and account.avatar_url and not is_default:
            # A missing URL may only mean we never fetched it, so only a known URL is judged.
            is_default = _signal_says_default(avatar_signal, account)
        path = account.avatar_path
        if is_default:
            out.append(AvatarInfo("default", 0.95, "profile metadata"))
        elif not path or not Path(path).is_file():
            why = "no avatar image is stored for this account"
            if account.avatar_url:
                why = "only the avatar's web address is stored, not the image"
            out.append(AvatarInfo(None, 0.0, "none", note=why))
        elif avatar_signal is None:
            out.append(AvatarInfo(None, 0.0, "skipped", note=missing, file=path))
        else:
            pending.append((len(out), path))
            out.append(None)
    if pending and avatar_signal is not None:
        for (index, _path), info in zip(
            pending, _classify(avatar_signal, [p for _i, p in pending]), strict=True
        ):
            out[index] = info
    return [info if info is not None else AvatarInfo(None, 0.0, "none") for info in out]


def avatar_info(account: Account) -> AvatarInfo:
    """The avatar verdict: the image model when it can run, else what the metadata tells."""
    return avatar_infos([account])[0]


def face_pillar(account: Account, settings: dict[str, Any], avatar: AvatarInfo) -> PillarResult:
    values = settings["avatar_values"]
    unknown = float(settings["avatar_unknown_value"])
    if avatar.label is None:
        avatar_value = unknown
    else:
        conf = min(max(avatar.confidence, 0.0), 1.0)
        avatar_value = conf * float(values.get(avatar.label, unknown)) + (1 - conf) * unknown
    bio_value, bio_note = bio_score(account.bio or "", int(settings["bio_min_chars"]))
    name_value, name_note = name_score(account.display_name or "")
    parts = settings["face_parts"]
    total = sum(float(v) for v in parts.values()) or 1.0
    score = (
        100
        * (
            float(parts["avatar"]) * avatar_value
            + float(parts["bio"]) * bio_value
            + float(parts["name"]) * name_value
        )
        / total
    )
    evidence: dict[str, Any] = {
        "avatar": {
            "label": avatar.label,
            "confidence": round(avatar.confidence, 2),
            "source": avatar.source,
            "note": avatar.note,
            "file": Path(avatar.file).name if avatar.file else None,
            "url": account.avatar_url,
        },
        "bio": {"text": account.bio or "", "verdict": bio_note},
        "display_name": {"text": account.display_name or "", "verdict": name_note},
        "parts": {
            "avatar": round(100 * avatar_value),
            "bio": round(100 * bio_value),
            "name": round(100 * name_value),
        },
    }
    return PillarResult(
        name="face",
        score=round(score),
        evidence=evidence,
        recommendations=_face_advice(account, avatar, bio_value, name_value),
    )


def _face_advice(account: Account, avatar: AvatarInfo, bio: float, name: float) -> list[str]:
    recs: list[str] = []
    if avatar.label == "default":
        recs.append(
            "You still have the platform's default picture. Upload a clear, smiling photo of a "
            "real person (your founder or lead recruiter) today: it is the fastest fix here."
        )
    elif avatar.label == "logo":
        recs.append(
            "Your picture is a logo, and people don't talk to logos. Use a friendly head-and-"
            "shoulders photo of a real recruiter and move the logo to the banner image."
        )
    elif avatar.label == "other":
        recs.append(
            "Your picture shows neither a face nor your brand clearly. Replace it with a "
            "well-lit photo of a real person, face centred."
        )
    if bio < 1.0:
        recs.append(
            "Fill in your bio with who you place, where, and who is behind the account, e.g. "
            '"Rosa and team: warehouse and office jobs across Tacoma. Ask us anything."'
        )
    if name < 0.9:
        words = _WORD.findall(account.display_name)
        if len(words) == 1 and not _ORG_WORDS.search(account.display_name):
            # one word may already be a first name ("Erik"): "Rosa at Erik" would be odd
            recs.append(
                f'Say who is behind the account in your display name: a full name ("{words[0]} '
                f'Lund") or a name with the firm ("{words[0]} at YourFirm") reads as a person.'
            )
        else:
            first = account.display_name.strip() or account.handle
            recs.append(
                f'Add a person to your display name, e.g. "Rosa at {first}", so people know '
                "there is a human to talk to."
            )
    if avatar.label is None:
        recs.append(
            "We could not check your picture ("
            + (avatar.note or "no image")
            + "). Make sure it is a photo of a real person, not a logo."
        )
    if not recs:
        recs.append(
            "Your profile looks human: a real face, a clear bio and a person's name. Refresh "
            "the photo once a year so it still looks like you."
        )
    return recs[:3]
