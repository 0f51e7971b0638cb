"""IBM's Twitter customer-care dialogs (Conversational Document Prediction, EMNLP 2020).

One JSON document a file (``train.json``, ``dev.json``, ``test.json``): a list of dialogs
between a customer and a brand's support account, each ending with the agent's tweet that
links a help document::

    [{"dialogHeader": {"company": "AcmeGamesHelp", "sessionID": "7Qpz...", ...},
      "dialogContent": [{"client": "jo_plays_42", "datetime": "2020-03-02T09:15:00.000Z",
                         "message": "@AcmeGamesHelp my game stops at the loading screen ?",
                         "tweet_ID": "1234500000000000001"}, {"agent": "AcmeGamesHelp", ...}],
      "agentURL": {"tweet_ID": "1234500000000000002", "url": "https://support...",
                   "url_utterance": "@jo_plays_42 This help article ...", ...}}]

What is real and what is inferred (docs/formats.md says the same):

* real: tweet ids (X status ids: a post links to ``x.com``), screen names (``client``,
  ``client1`` for a second customer, ``agent``), times and texts (in which the dataset wrote
  links inside messages as the word ``link``);
* inferred: the dataset has no reply ids, only the order of the turns (it was built by
  following replies back from the agent's tweet), so each turn is stored as a reply to the
  turn before it and the conversation id is the first turn's tweet; the first turn is an
  original post. Accounts have no X user id in the data: an account's id is its lower-cased
  handle, as for every handle-only source. The agent's last tweet has no time in the data: it
  is read from its tweet id (X ids carry their creation time to the millisecond).

A dialog that cannot be read is reported (with its place in the file and its session id) and
each of its tweets counted as skipped; the other dialogs are imported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post, normalize_handle
from staffpulse.sources.base import (
    Item,
    Notice,
    Problem,
    parse_timestamp,
    provenance,
    register,
)
from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import read_documents
from staffpulse.sources.jsonio import (
    RepairedLine,
    as_list,
    first_json_char,
    get_str,
    is_json_lines,
    iter_json_lines,
    json_error_message,
    with_line_advice,
)
from staffpulse.sources.native_records import HASHTAG_RE, URL_RE
from staffpulse.sources.twcs import X_MENTION_RE
from staffpulse.sources.x_entities import decode_x_text
from staffpulse.sources.x_ids import handle_account, time_of_tweet_id
from staffpulse.store.core import Record

SOURCE_NAME = "ibm-dialogs"
PLATFORM = "x"
SPEAKERS = ("client", "client1", "agent")


def _turns(dialog: Mapping[str, Any]) -> list[tuple[str, str, str, datetime | None]]:
    """(speaker, tweet id, text, time) of each turn, the agent's linking tweet last."""
    company = get_str(dialog.get("dialogHeader"), "company")
    content = dialog.get("dialogContent")
    if not isinstance(content, list) or not content:
        raise ValueError("dialog without 'dialogContent' turns")
    turns: list[tuple[str, str, str, datetime | None]] = []
    for number, turn in enumerate(content):
        if not isinstance(turn, dict):
            raise ValueError(f"turn {number + 1} is not a JSON object")
        speaker = next((get_str(turn, key) for key in SPEAKERS if get_str(turn, key)), None)
        tweet_id, text = get_str(turn, "tweet_ID"), turn.get("message")
        if speaker is None or tweet_id is None or not isinstance(text, str):
            raise ValueError(f"turn {number + 1} lacks a speaker, 'tweet_ID' or 'message'")
        turns.append((speaker, tweet_id, text, parse_timestamp(turn.get("datetime"))))
    final = dialog.get("agentURL")
    if isinstance(final, dict) and get_str(final, "tweet_ID"):
        if company is None:
            raise ValueError("the agent's tweet has no author: 'dialogHeader.company' is missing")
        tweet_id = get_str(final, "tweet_ID") or ""
        text = str(final.get("url_utterance") or "")
        turns.append((company, tweet_id, text, None))
    for _, tweet_id, _, _ in turns:
        if not tweet_id.isdigit():
            raise ValueError(f"tweet_ID should be a number, got {tweet_id!r}")
    return turns


def rows_from_dialog(dialog: Mapping[str, Any]) -> list[Account | Post]:
    """Pure transformer: one dialog → an account for each speaker and a post for each turn,
    each turn a reply to the one before it (see the module docstring). Raises ValueError."""
    accounts: dict[str, Account] = {}
    posts: list[Post] = []
    turns = _turns(dialog)
    root = turns[0][1]
    for speaker, tweet_id, raw_text, created in turns:
        handle = speaker.lstrip("@")
        text = decode_x_text(raw_text)
        before = posts[-1] if posts else None
        posts.append(
            Post(
                platform=PLATFORM,
                id=tweet_id,
                author_id=handle.lower(),
                author_handle=handle,
                text=text,
                created_at=created or time_of_tweet_id(tweet_id),
                kind="reply" if before else "original",
                reply_to_post_id=before.id if before else None,
                reply_to_account_id=before.author_id if before else None,
                reply_to_handle=normalize_handle(before.author_handle) if before else None,
                conversation_id=root,
                mentions=tuple(dict.fromkeys(m.lower() for m in X_MENTION_RE.findall(text))),
                hashtags=tuple(HASHTAG_RE.findall(text)),
                urls=tuple(URL_RE.findall(text)),
                url=f"https://x.com/{handle}/status/{tweet_id}",
            )
        )
        accounts.setdefault(handle.lower(), handle_account(handle))  # the dataset has no profiles
    return [*accounts.values(), *posts]


def _label(number: int, dialog: Any) -> str:
    session = get_str(dialog.get("dialogHeader"), "sessionID") if isinstance(dialog, dict) else None
    return f"dialog {number + 1}" + (f" (session {session})" if session else "")


def _size(dialog: Any) -> int:
    """How many tweets a dialog holds, to count them all when it is skipped."""
    if not isinstance(dialog, dict):
        return 1
    final = 1 if isinstance(dialog.get("agentURL"), dict) else 0
    return max(1, len(as_list(dialog.get("dialogContent"))) + final)


class IbmDialogs:
    name = SOURCE_NAME
    label = "IBM customer-care dialogs JSON"

    def sniff(self, path: Path, head: bytes) -> bool:
        # the dataset's list, or its dialogs one a line (a list re-saved as JSON Lines)
        if path.is_dir() or first_json_char(head) not in ("[", "{"):
            return False
        return b'"dialogContent"' in head or b'"dialogHeader"' in head

    def read(self, path: Path) -> Iterator[Item]:
        seen: set[str] = set()  # accounts already given: a brand speaks in most dialogs
        for found in _dialogs(path):
            if isinstance(found, (Problem, Notice)):
                yield found
                continue
            line, number, dialog = found
            try:
                if not isinstance(dialog, dict):
                    raise ValueError("not a JSON object")
                rows = rows_from_dialog(dialog)
            except ValueError as exc:
                message = f"{_label(number, dialog)}: {exc}; its tweets were skipped"
                yield Problem(str(path), line, message, records=_size(dialog))
                continue
            new = tuple(r for r in rows if isinstance(r, Post) or r.id not in seen)
            seen.update(r.id for r in rows if isinstance(r, Account))
            yield Record(rows=new, provenance=provenance(self.name, path, line), raw=dialog)


def _dialogs(path: Path) -> Iterator[tuple[int | None, int, Any] | Problem | Notice]:
    """(line, place, dialog) of each dialog: of the file's list (no line), or one a line (a
    line may hold a list of them too), or pretty-printed one after another."""
    number = 0  # the dialogs, as in the list: a line that is not JSON is none
    if is_json_lines(path):
        for line, obj in iter_json_lines(path):
            if isinstance(obj, RepairedLine):  # its dialogs are read, but those it counts
                yield obj.told(str(path), line)
                continue
            if isinstance(obj, Exception):
                yield Problem(str(path), line, with_line_advice(json_error_message(obj)))
                continue
            for dialog in obj if isinstance(obj, list) else [obj]:
                yield line, number, dialog
                number += 1
        return
    for found in read_documents(path):
        if isinstance(found, DocumentError):  # every dialog in it is lost: each counts
            yield Problem(str(path), found.line, str(found), found.records)
            continue
        where, document = found
        if where is None and not isinstance(document, list):
            yield Problem(str(path), None, "expected a list of dialogs")
            return
        for dialog in document if isinstance(document, list) else [document]:
            yield where, number, dialog
            number += 1


register(IbmDialogs())
