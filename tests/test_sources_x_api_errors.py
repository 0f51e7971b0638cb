"""The errors X lists beside a v2 response's data, told once per file by kind."""

from __future__ import annotations

from staffpulse.sources.x_api_errors import ApiErrors

NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found"
HIDDEN = "https://api.twitter.com/2/problems/not-authorized-for-resource"


def _error(resource: str, kind: str, detail: str) -> dict[str, str]:
    return {"resource_type": resource, "type": kind, "detail": detail, "title": "Not Found Error"}


def test_a_file_without_errors_says_nothing() -> None:
    told = ApiErrors()
    told.add({"data": [], "meta": {"result_count": 0}})
    assert told.message() is None


def test_errors_are_counted_by_kind_across_the_pages_of_a_file() -> None:
    told = ApiErrors()
    told.add(
        {
            "errors": [
                _error("tweet", NOT_FOUND, "Could not find tweet with pinned_tweet_id: [5]."),
                _error("tweet", NOT_FOUND, "Could not find tweet with pinned_tweet_id: [6]."),
                _error("tweet", HIDDEN, "Sorry, you are not authorized to see the Tweet [7]."),
            ]
        }
    )
    told.add({"errors": [_error("user", NOT_FOUND, "Could not find user with ids: [8].")]})
    assert told.message() == (
        "the file also lists 4 errors X returned (3 posts not found or not authorised and"
        " 1 user not found); they were not data to import"
    )


def test_a_suspended_account_and_a_stream_error_are_named() -> None:
    told = ApiErrors()
    told.add({"errors": [_error("user", NOT_FOUND, "User has been suspended: [someone].")]})
    assert told.message() == (
        "the file also lists 1 error X returned (1 user suspended); it was not data to import"
    )
    told.add({"errors": [{"title": "operational-disconnect"}, "not an object"]})
    assert "1 “operational-disconnect”" in (told.message() or "")
